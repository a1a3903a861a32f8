# welcome
