"""Exports made in the web app by the task worker: a year's contracts as Word, PDF or a workbook,
for the user who asked and with only what they may read (`exports.jobs`)."""
