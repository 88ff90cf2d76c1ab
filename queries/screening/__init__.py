"""Screening: verdicts with rules, evidence paths and time, for one subject or a batch."""
