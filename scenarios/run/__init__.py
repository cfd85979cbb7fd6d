"""Running one scenario: resolve inputs, network variant, flows and KPIs."""
