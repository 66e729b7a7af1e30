"""Reports and exports of the year's contracts (issue: reports, open data and the API)."""
