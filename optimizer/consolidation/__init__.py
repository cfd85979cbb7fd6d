"""Consolidation model: records, checks, cost parts, verification, explanations, solve."""
