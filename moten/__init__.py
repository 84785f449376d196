"""Möten, dagordningar och protokoll (issue "Möten och protokoll")."""
