from scenarios.cli.root import main

main()
