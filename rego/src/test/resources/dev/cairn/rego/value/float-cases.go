// Prints, for each "op x [y]" line on stdin, the line and OPA's result: operands read
// with big.Float SetString (64-bit mantissa), results printed as OPA's FloatToNumber
// does ('f' for integers, 'g' otherwise, shortest digits).
package main

import (
	"bufio"
	"fmt"
	"math/big"
	"os"
	"strings"
)

func num(s string) *big.Float {
	f, ok := new(big.Float).SetString(s)
	if !ok {
		panic(s)
	}
	return f
}

func text(f *big.Float) string {
	if f.IsInt() {
		return f.Text('f', -1)
	}
	return f.Text('g', -1)
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		line := in.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		x := num(f[1])
		var r *big.Float
		switch f[0] {
		case "+":
			r = new(big.Float).Add(x, num(f[2]))
		case "-":
			r = new(big.Float).Sub(x, num(f[2]))
		case "*":
			r = new(big.Float).Mul(x, num(f[2]))
		case "/":
			r = new(big.Float).Quo(x, num(f[2]))
		case "abs":
			r = x.Abs(x)
		case "round":
			var i *big.Int
			if x.Signbit() {
				i, _ = new(big.Float).Sub(x, big.NewFloat(0.5)).Int(nil)
			} else {
				i, _ = new(big.Float).Add(x, big.NewFloat(0.5)).Int(nil)
			}
			r = new(big.Float).SetInt(i)
		}
		fmt.Printf("%s = %s\n", line, text(r))
	}
}
