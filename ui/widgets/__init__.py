"""Small reusable widgets and models."""
