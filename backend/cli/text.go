package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"ruche/backend/boot"
	"ruche/backend/locale"
	"ruche/backend/text"
	"ruche/backend/text/dict"
)

const textUsage = "ruche text check [--lang fr|en|auto] [--workspace W] [--json] < TEXT"

// maxTextInput is the most "text check" reads from the standard input.
const maxTextInput = 1 << 20

// textCheckJSON is what "text check --json" prints, for scripts: byte
// offsets index the UTF-8 input.
type textCheckJSON struct {
	Language  string             `json:"language"`
	Sentiment text.Sentiment     `json:"sentiment"`
	Intents   []textIntentJSON   `json:"intents"`
	Spelling  []text.Misspelling `json:"spelling"`
	Voice     []textFindingJSON  `json:"voice"`
}

type textIntentJSON struct {
	Intent     string  `json:"intent"`
	Confidence float64 `json:"confidence"`
}

type textFindingJSON struct {
	Rule       string `json:"rule"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion,omitempty"`
}

// text runs "ruche text check": it reads a text from the standard input and
// prints its spelling mistakes, language, sentiment, intents and
// brand-voice findings.
//
// Its --lang (fr, en or auto, the default) is the text's language, not the
// messages' (cli.Parse leaves it to the command); a --lang before "text"
// sets both.
func (r *runner) text(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "check" {
		return usage(textUsage)
	}
	o, err := parseOptions(args[1:], []string{"--lang", "--workspace"}, nil)
	if err != nil {
		return err
	}
	if len(o.args) > 0 {
		return usage(textUsage)
	}
	langOpt := o.value("--lang")
	if langOpt == "" {
		langOpt = r.inv.Lang
	}
	lang, ok := text.ParseLang(langOpt)
	if !ok {
		return text.ErrLanguage.With(map[string]any{"lang": langOpt}, nil)
	}
	input, err := readText(r.Stdin)
	if err != nil {
		return err
	}
	opts := text.Options{Lang: lang}
	if ref := o.value("--workspace"); ref != "" {
		// The workspace's language when the text does not say, its own
		// words and its brand voice.
		err := r.withApp(ctx, func(ctx context.Context, a *boot.App) error {
			w, err := findWorkspace(ctx, a, ref)
			if err != nil {
				return err
			}
			ws, err := a.Proof.Options(ctx, w)
			opts.Fallback, opts.Words, opts.Voice = ws.Fallback, ws.Words, ws.Voice
			return err
		})
		if err != nil {
			return err
		}
	}
	an, err := text.New(dict.Files())
	if err != nil {
		return err
	}
	if err := an.Load(ctx); err != nil {
		return err
	}
	res := an.Check(input, opts)
	if r.inv.JSON {
		return r.print(r.textJSON(res), "")
	}
	return r.printText(res, opts)
}

// readText reads the standard input, at most maxTextInput bytes.
func readText(in io.Reader) (string, error) {
	if in == nil {
		return "", nil
	}
	b, err := io.ReadAll(io.LimitReader(in, maxTextInput+1))
	if err != nil {
		return "", ErrStdin.With(nil, err)
	}
	if len(b) > maxTextInput {
		return "", text.ErrTooLong.With(map[string]any{"size": "> 1 MB", "max": "1 MB"}, nil)
	}
	return string(b), nil
}

func (r *runner) textJSON(res text.Result) textCheckJSON {
	out := textCheckJSON{Language: res.Language, Sentiment: res.Sentiment, Intents: []textIntentJSON{},
		Spelling: res.Spelling, Voice: []textFindingJSON{}}
	for _, in := range res.Intents {
		out.Intents = append(out.Intents, textIntentJSON{Intent: in.Intent, Confidence: in.Confidence})
	}
	for _, f := range res.Voice {
		out.Voice = append(out.Voice, textFindingJSON{Rule: f.Rule, Start: f.Start, End: f.End,
			Message: locale.Message(r.lang, f.Code(), f.Args), Suggestion: f.Suggestion})
	}
	return out
}

func (r *runner) printText(res text.Result, opts text.Options) error {
	msg := func(code string, args map[string]any) string { return locale.Message(r.lang, code, args) }
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line(msg("text.cli.language", map[string]any{"lang": res.Language}))
	line(msg("text.cli.sentiment", map[string]any{"label": res.Sentiment.Label, "score": fmt.Sprintf("%.2f", res.Sentiment.Score)}))
	var intents []string
	for _, in := range res.Intents {
		s := fmt.Sprintf("%s %.2f", in.Intent, in.Confidence)
		if in.Topic != "" {
			s += " (" + in.Topic + ")"
		}
		intents = append(intents, s)
	}
	line(msg("text.cli.intents", map[string]any{"intents": strings.Join(intents, ", ")}))
	if len(res.Spelling) == 0 {
		line(msg("text.cli.spelling_none", nil))
	} else {
		line(msg("text.cli.spelling", map[string]any{"count": len(res.Spelling)}))
		for _, m := range res.Spelling {
			sugg := strings.Join(m.Suggestions, ", ")
			if sugg == "" {
				sugg = msg("text.cli.no_suggestion", nil)
			}
			line(msg("text.cli.misspelling", map[string]any{"word": m.Word, "start": m.Start, "end": m.End, "suggestions": sugg}))
		}
	}
	if len(res.Voice) == 0 {
		line(msg("text.cli.voice_none", nil))
	} else {
		line(msg("text.cli.voice", map[string]any{"count": len(res.Voice)}))
		for _, f := range res.Voice {
			sugg := ""
			if f.Suggestion != "" {
				sugg = msg("text.cli.suggestion", map[string]any{"suggestion": f.Suggestion})
			}
			line(msg("text.cli.finding", map[string]any{"message": msg(f.Code(), f.Args), "start": f.Start, "end": f.End, "suggestion": sugg}))
		}
	}
	if res.Readability.Words > 0 {
		line(msg("text.cli.readability", map[string]any{"score": res.Readability.Score, "level": res.Readability.Level, "formula": res.Readability.Formula}))
	}
	if opts.Fallback != "" && opts.Voice == nil {
		line(msg("text.cli.workspace_voice", nil))
	}
	_, err := fmt.Fprint(r.Stdout, b.String())
	return err
}
