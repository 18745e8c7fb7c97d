namespace Handbook.PreviewLatency;

using System.Globalization;

/// <summary>Command line of the latency benchmark.</summary>
internal sealed record LatencyOptions(string InputFolder, string ThemeFolder, string? CorpusFolder, int Edits, string Label)
{
    public const string Usage =
        "usage: PreviewLatency (--input DIR | --corpus SHARED_CORPUS_DIR) --theme DIR [--edits 20] [--label NAME]\n" +
        "  --input DIR    an input folder (copied to a temp folder; the original is never edited)\n" +
        "  --corpus DIR   ../shared/corpus: the 171 real pages laid out under their original names, grades imported";

    public static LatencyOptions? Parse(string[] args)
    {
        string? input = null, corpus = null, theme = null, label = null;
        var edits = 20;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--input": input = args[i + 1]; break;
                case "--corpus": corpus = args[i + 1]; break;
                case "--theme": theme = args[i + 1]; break;
                case "--label": label = args[i + 1]; break;
                case "--edits": edits = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: return null;
            }
        }

        if ((input is null) == (corpus is null) || theme is null)
        {
            return null;
        }

        return new LatencyOptions(input ?? string.Empty, theme, corpus, edits, label ?? (corpus is null ? input! : "corpus"));
    }
}
