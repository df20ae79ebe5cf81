from kehoach_cli.cli.app import main

main()
