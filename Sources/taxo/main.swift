import TaxoCLI
TaxoMain.main()
