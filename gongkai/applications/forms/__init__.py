"""Forms of disclosure on application: `public` (applicants), `staff` (back office)."""
