# staging
