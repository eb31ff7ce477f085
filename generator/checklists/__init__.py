"""Self-inspection checklists: selection from the content, and the PDF, XLSX and CSV forms."""
