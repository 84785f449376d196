"""Indikatorenkäter och självskattning (issue "Enkäter")."""
