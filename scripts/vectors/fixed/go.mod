module vecgen

go 1.23.2

require github.com/spacemeshos/fixed v0.1.2

// A local checkout of github.com/spacemeshos/fixed at v0.1.2 (the module proxy may refuse it).
replace github.com/spacemeshos/fixed => /tmp/fixed
