"""Dân Vận: management system for mass-mobilization work (công tác Dân vận)."""
