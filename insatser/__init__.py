"""Finansierade insatser, beviljningar, utbetalningar och uppföljning (issue "Insatser")."""
