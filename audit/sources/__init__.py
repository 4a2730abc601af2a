"""What the audit reads from the regulations app, behind thin adapters."""
