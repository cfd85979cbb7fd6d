"""Uncertainty: ranges of the estimated inputs, Monte Carlo draws, one-at-a-time sensitivity."""
