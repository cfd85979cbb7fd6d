"""Pickup VRP: problem, parameters, solution, engines dispatch, verification, VRPLIB files."""
