"""Start-up dialogs: database connection, first administrator, sign-in."""
