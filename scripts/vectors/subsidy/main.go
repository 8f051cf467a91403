// Command subsidy prints go-spacemesh's layer subsidy (spacemeshos/economics v0.1.4, as pinned
// by go-spacemesh's go.mod) for our fixture src/core/vm/fixtures/economics-subsidy.json.
//
//	go run . fixture > ../../../src/core/vm/fixtures/economics-subsidy.json
//	go run . range FROM TO   # "n accumulated subsidy unrounded" per line, for local comparisons
//
// See README.md for how to point it at local checkouts of the two modules.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"

	"github.com/ericlagergren/decimal"
	"github.com/spacemeshos/economics/rewards"
)

type entry struct {
	N           uint32 `json:"n"`
	Why         string `json:"why"`
	Unrounded   string `json:"unrounded"`
	Accumulated string `json:"accumulated"`
	Subsidy     string `json:"subsidy"`
}

// unrounded recomputes economics' Context128 value A(n) before truncation, step by step as
// rewards.getUnroundedAccumulatedSubsidy does (it is unexported).
func unrounded(n uint32) *decimal.Big {
	ctx := rewards.Ctx
	count := decimal.WithContext(ctx).SetUint64(uint64(n + 1)) // uint32 wrap, as upstream
	x := ctx.Mul(decimal.WithContext(ctx), rewards.NegLambda, count)
	e := ctx.Exp(decimal.WithContext(ctx), x)
	m := ctx.Sub(decimal.WithContext(ctx), rewards.One, e)
	return ctx.Mul(decimal.WithContext(ctx), rewards.TotalSubsidy, m)
}

func row(n uint32, why string) entry {
	return entry{
		N:           n,
		Why:         why,
		Unrounded:   unrounded(n).String(),
		Accumulated: strconv.FormatUint(rewards.TotalAccumulatedSubsidyAtLayer(n), 10),
		Subsidy:     strconv.FormatUint(rewards.TotalSubsidyAtLayer(n), 10),
	}
}

// countWhere returns the smallest layer count c with λc ≥ v (as a float-free decimal floor).
func countWhere(v *decimal.Big) uint32 {
	ctx := rewards.Ctx
	q := ctx.Quo(decimal.WithContext(ctx), v, rewards.Lambda)
	ctx.RoundingMode = decimal.ToZero
	c, _ := decimal.WithContext(ctx).Copy(q).RoundToInt().Uint64()
	return uint32(c)
}

func fixture() {
	points := map[uint32]string{}
	add := func(n uint32, why string) {
		if _, ok := points[n]; !ok {
			points[n] = why
		}
	}
	// economics rewards_test.go Test_Subsidy.
	for _, n := range []uint32{0, 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000} {
		add(n, "upstream Test_Subsidy")
	}
	for n := uint32(0); n < 100; n++ {
		add(n, "first 100 layers")
	}
	for n := uint32(0); n <= 1_100_000; n += 10_000 {
		add(n, "every 10,000th layer, 10+ years")
	}
	near := func(c uint32, why string) {
		for d := int64(-3); d <= 2; d++ {
			if n := int64(c) + d; n >= 0 && n < 1<<32 {
				add(uint32(n), why)
			}
		}
	}
	ctx := rewards.Ctx
	near(10*105120, "ten years (Test_TenYearIssuance)")
	near(3265328, "half-life (Test_Halving)")
	near(199069549, "final smidge (Test_FinalLayer)")
	// e^(-x) with x = λ(n+1): where 1 − e reaches 0.1 and where x reaches 1, 10, 100.
	tenth := ctx.Log(decimal.WithContext(ctx), decimal.WithContext(ctx).SetMantScale(9, 1))
	near(countWhere(decimal.WithContext(ctx).Neg(tenth)), "1 − e^(−x) reaches 0.1")
	for _, v := range []uint64{1, 10, 79, 100} {
		near(countWhere(decimal.WithContext(ctx).SetUint64(v)), fmt.Sprintf("x reaches %d", v))
	}
	near(1<<31, "2^31")
	near(1<<32-1, "uint32 end (n+1 wraps to 0)")
	keys := make([]uint32, 0, len(points))
	for n := range points {
		keys = append(keys, n)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	out := struct {
		Source  string  `json:"source"`
		Lambda  string  `json:"lambda"`
		Entries []entry `json:"entries"`
	}{
		Source: "spacemeshos/economics v0.1.4 rewards (ericlagergren/decimal 00de7ca16731), scripts/vectors/subsidy",
		Lambda: rewards.Lambda.String(),
	}
	for _, n := range keys {
		out.Entries = append(out.Entries, row(n, points[n]))
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}

func main() {
	if len(os.Args) == 4 && os.Args[1] == "range" {
		from, err1 := strconv.ParseUint(os.Args[2], 10, 32)
		to, err2 := strconv.ParseUint(os.Args[3], 10, 32)
		if err1 != nil || err2 != nil {
			panic("range FROM TO: expected u32 bounds")
		}
		for n := from; n <= to; n++ {
			r := row(uint32(n), "")
			fmt.Println(r.N, r.Accumulated, r.Subsidy, r.Unrounded)
		}
		return
	}
	if len(os.Args) == 2 && os.Args[1] == "fixture" {
		fixture()
		return
	}
	fmt.Fprintln(os.Stderr, "usage: subsidy fixture | subsidy range FROM TO")
	os.Exit(2)
}
