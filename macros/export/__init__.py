"""Other formats of a report: the Word document for supervisors."""
