package cli

import (
	"slices"
	"strings"
)

// options are the arguments of a command: its positional arguments, the
// values of its --name VALUE options (each may be repeated) and the --name
// switches given.
type options struct {
	args     []string
	values   map[string][]string
	switches map[string]bool
}

// parseOptions reads args; valued names the options that take a value
// (--name VALUE or --name=VALUE), switches those that do not. Any other
// option is refused.
func parseOptions(args, valued, switches []string) (options, error) {
	o := options{values: map[string][]string{}, switches: map[string]bool{}}
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if !strings.HasPrefix(arg, "--") {
			o.args = append(o.args, arg)
			continue
		}
		name, value, hasValue := strings.Cut(arg, "=")
		switch {
		case slices.Contains(switches, name) && !hasValue:
			o.switches[name] = true
		case slices.Contains(valued, name):
			if !hasValue {
				if i+1 >= len(args) || strings.HasPrefix(args[i+1], "--") {
					return o, ErrFlag.With(map[string]any{"reason": name + " needs a value"}, nil)
				}
				i++
				value = args[i]
			}
			o.values[name] = append(o.values[name], value)
		default:
			return o, ErrFlag.With(map[string]any{"reason": "unknown option " + name}, nil)
		}
	}
	return o, nil
}

// value returns the last value of option name, "" if it was not given.
func (o options) value(name string) string {
	if vs := o.values[name]; len(vs) > 0 {
		return vs[len(vs)-1]
	}
	return ""
}
