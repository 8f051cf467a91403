module spacemesh-web/scripts/vectors/subsidy

go 1.23.2

require (
	github.com/ericlagergren/decimal v0.0.0-20240411145413-00de7ca16731
	github.com/spacemeshos/economics v0.1.4
)

// Local checkouts (see README.md): the module proxy may not serve these.
replace github.com/spacemeshos/economics => /tmp/econ

replace github.com/ericlagergren/decimal => /tmp/dec
