"""The patient discharge workspace: one tab per opened stay."""
