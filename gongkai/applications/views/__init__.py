"""Views of disclosure on application: `public` (/apply/), `staff` (/staff/applications/)."""
