## Der erste Start: die Sandbox ausprobieren oder eine echte Verbindung hinzufügen.

welcome-heading = Willkommen bei atsdrop
welcome-intro = Ziehen Sie Kandidatendateien in das Fenster: Jede wird gegen die Vorgaben Ihres Recruiting-Systems geprüft und im Hintergrund hochgeladen.
welcome-try-sandbox = Sandbox ausprobieren
welcome-try-sandbox-hover = Startet eine lokale Kopie aller fünf Systeme mit Demo-Kandidaten; nichts verlässt diesen Computer
welcome-starting-sandbox = Sandbox wird gestartet…
welcome-add-connection = Verbindung hinzufügen…
