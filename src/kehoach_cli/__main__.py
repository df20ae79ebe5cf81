from kehoach_cli.cli.entry import main

main()
