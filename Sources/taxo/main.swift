import TaxoCLI

TaxoMain.main()
