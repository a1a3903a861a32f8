## The first-run screen: try the sandbox, or add a real connection.

welcome-heading = Welcome to atsdrop
welcome-intro = Drop candidate files on the window, see each one checked against your recruiting system's limits, and upload them in the background.
welcome-try-sandbox = Try the sandbox
welcome-try-sandbox-hover = Starts a local copy of all five systems with demo candidates; nothing leaves this computer
welcome-starting-sandbox = Starting the sandbox…
welcome-add-connection = Add a connection…
