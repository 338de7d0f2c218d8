from editio.cli import main

main()
