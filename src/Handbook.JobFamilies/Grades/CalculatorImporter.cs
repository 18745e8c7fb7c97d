namespace Handbook.JobFamilies.Grades;

using System.Text;
using Handbook.Pipeline.Diagnostics;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Builds a <see cref="GradeTable"/> from the compensation-calculator page: the pipe tables under the
/// <c>GitLab Job Grades</c> heading, read from Markdig's table AST. The first table is the general track; each
/// later table is the track named by the heading just above it ("Sales/Sales Development:" → <c>sales</c>,
/// "Customer Success:" → <c>customer-success</c>: the first part before '/', lower-cased, spaces → '-').
/// <para>
/// A cell may hold several titles separated by <c>&lt;br&gt;</c>. A grade's title is every title of its row, the
/// Management column first, joined with " / " ("Manager / Staff / Senior Product Manager / Consultant"), so nothing
/// on the page is lost and a badge never shows only half of a dual-track row. The career track is set when only one
/// of the two columns is filled.
/// </para>
/// </summary>
public static class CalculatorImporter
{
    public const string SectionHeading = "GitLab Job Grades";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static GradeTable Import(string markdown, ICollection<Diagnostic> diagnostics, string sourcePath = "compensation-calculator/index.html.md")
    {
        var document = Markdown.Parse(markdown, Pipeline);
        // The exact heading first; later versions of the page may word it differently ("Job Grades").
        var headings = document.OfType<HeadingBlock>().ToList();
        var section = headings.FirstOrDefault(h => string.Equals(PlainText(h.Inline), SectionHeading, StringComparison.OrdinalIgnoreCase))
            ?? headings.FirstOrDefault(h => PlainText(h.Inline).Contains("job grades", StringComparison.OrdinalIgnoreCase));
        if (section is null)
        {
            diagnostics.Add(Diagnostic.Error("GRADE110", $"no '{SectionHeading}' heading in the page", SourceLocation.File(sourcePath), "pass the compensation-calculator page (index.html.md)"));
            return GradeTable.Empty;
        }

        var tables = TablesUnder(document, section);
        if (tables.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error("GRADE110", $"no grade tables under '{SectionHeading}'", At(sourcePath, section), "the grades must be Markdown pipe tables"));
            return GradeTable.Empty;
        }

        var tracks = new List<GradeTrack>();
        var rowsByTrack = new List<(GradeTrack Track, List<ImportedRow> Rows)>();
        for (var i = 0; i < tables.Count; i++)
        {
            var (table, label) = tables[i];
            var track = i == 0 ? GradeTrack.General : TrackFromLabel(label, i);
            if (tracks.Any(t => t.Id == track.Id))
            {
                track = track with { Id = track.Id + "-" + (i + 1) };
            }

            tracks.Add(track);
            rowsByTrack.Add((track, ReadRows(table, sourcePath, diagnostics)));
        }

        return new GradeTable(tracks, Merge(rowsByTrack, sourcePath, diagnostics), importedFrom: sourcePath);
    }

    private static List<Grade> Merge(List<(GradeTrack Track, List<ImportedRow> Rows)> rowsByTrack, string sourcePath, ICollection<Diagnostic> diagnostics)
    {
        var general = rowsByTrack[0].Rows.ToDictionary(r => r.Id);
        var others = new Dictionary<GradeId, Dictionary<string, string>>();
        var onlyInTracks = new Dictionary<GradeId, ImportedRow>();
        foreach (var (track, rows) in rowsByTrack.Skip(1))
        {
            foreach (var row in rows.Where(r => r.Title.Length > 0))
            {
                if (!others.TryGetValue(row.Id, out var titles))
                {
                    others[row.Id] = titles = [];
                }

                // A title equal to the general one adds nothing: the track falls back to it anyway.
                if (!general.TryGetValue(row.Id, out var generalRow) || generalRow.Title != row.Title)
                {
                    titles[track.Id] = row.Title;
                }

                if (!general.ContainsKey(row.Id) && !onlyInTracks.ContainsKey(row.Id))
                {
                    onlyInTracks[row.Id] = row;
                    diagnostics.Add(Diagnostic.Warning(
                        "GRADE112", $"grade {row.Id} is in the {track.Name} table but not in the general table", new SourceLocation(sourcePath, row.Line, 1), "its title there is used as the general title"));
                }
            }
        }

        return general.Values.Concat(onlyInTracks.Values)
            .Select(row => new Grade
            {
                Id = row.Id,
                Title = row.Title.Length > 0 ? row.Title : "Grade " + row.Id.Text,
                Titles = others.TryGetValue(row.Id, out var titles) ? titles : [],
                CareerTrack = row.CareerTrack,
            })
            .ToList();
    }

    private static List<ImportedRow> ReadRows(Table table, string sourcePath, ICollection<Diagnostic> diagnostics)
    {
        var rows = new List<ImportedRow>();
        var header = table.OfType<TableRow>().FirstOrDefault(r => r.IsHeader);
        var columns = header?.OfType<TableCell>().Select(c => CellEntries(c).FirstOrDefault() ?? string.Empty).ToList() ?? [];
        var gradeColumn = Math.Max(0, columns.FindIndex(c => c.Contains("grade", StringComparison.OrdinalIgnoreCase)));
        var managementColumn = columns.FindIndex(c => c.Contains("manage", StringComparison.OrdinalIgnoreCase));
        var individualColumn = columns.FindIndex(c => c.Contains("individual", StringComparison.OrdinalIgnoreCase));

        foreach (var row in table.OfType<TableRow>().Where(r => !r.IsHeader))
        {
            var cells = row.OfType<TableCell>().ToList();
            var idText = gradeColumn < cells.Count ? string.Join(" ", CellEntries(cells[gradeColumn])) : string.Empty;
            if (!GradeId.TryParse(idText, out var id))
            {
                diagnostics.Add(Diagnostic.Warning("GRADE111", $"grade table row without a grade number ('{idText}')", RowAt(sourcePath, row), "the first column must be the grade id; the row is skipped"));
                continue;
            }

            if (rows.Any(r => r.Id == id))
            {
                diagnostics.Add(Diagnostic.Warning("GRADE111", $"grade {id} appears twice in one table", RowAt(sourcePath, row), "the first row is kept"));
                continue;
            }

            var management = Entries(cells, managementColumn);
            var individual = Entries(cells, individualColumn);
            var careerTrack = (management.Count > 0, individual.Count > 0) switch
            {
                (true, false) => GradeTableReader.CareerTrackManagement,
                (false, true) => GradeTableReader.CareerTrackIndividualContributor,
                _ => null,
            };
            rows.Add(new ImportedRow(id, string.Join(" / ", management.Concat(individual)), careerTrack, row.Line + 1));
        }

        return rows;
    }

    private static List<string> Entries(List<TableCell> cells, int column) =>
        column >= 0 && column < cells.Count ? CellEntries(cells[column]) : [];

    /// <summary>The titles in a cell: its text split at <c>&lt;br&gt;</c> tags, each trimmed (TABs included).</summary>
    private static List<string> CellEntries(TableCell cell)
    {
        var entries = new List<string>();
        var current = new StringBuilder();
        foreach (var paragraph in cell.OfType<LeafBlock>())
        {
            foreach (var inline in Leaves(paragraph.Inline))
            {
                if (inline is HtmlInline html && html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase) || inline is LineBreakInline)
                {
                    Flush();
                }
                else
                {
                    current.Append(TextOf(inline));
                }
            }

            Flush();
        }

        return entries;

        void Flush()
        {
            var text = Collapse(current.ToString());
            if (text.Length > 0)
            {
                entries.Add(text);
            }

            current.Clear();
        }
    }

    private static List<(Table Table, string Label)> TablesUnder(MarkdownDocument document, HeadingBlock section)
    {
        var found = new List<(Table, string)>();
        var label = string.Empty;
        var index = document.IndexOf(section);
        for (var i = index + 1; i < document.Count; i++)
        {
            switch (document[i])
            {
                case HeadingBlock heading when heading.Level <= section.Level:
                    return found;
                case HeadingBlock heading:
                    label = PlainText(heading.Inline);
                    break;
                case Table table:
                    found.Add((table, label));
                    break;
            }
        }

        return found;
    }

    private static GradeTrack TrackFromLabel(string label, int index)
    {
        var name = label.Trim().TrimEnd(':').Trim();
        if (name.Length == 0)
        {
            name = "Table " + (index + 1);
        }

        var firstPart = name.Split('/')[0];
        var id = new StringBuilder();
        foreach (var c in firstPart.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                id.Append(c);
            }
            else if (id.Length > 0 && id[^1] != '-')
            {
                id.Append('-');
            }
        }

        var trackId = id.ToString().Trim('-');
        return new GradeTrack(trackId.Length > 0 ? trackId : "track-" + (index + 1), name, []);
    }

    private static IEnumerable<Inline> Leaves(ContainerInline? container)
    {
        if (container is null)
        {
            yield break;
        }

        foreach (var inline in container)
        {
            if (inline is ContainerInline nested and not LinkInline)
            {
                foreach (var leaf in Leaves(nested))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return inline;
            }
        }
    }

    private static string TextOf(Inline inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        HtmlEntityInline entity => entity.Transcoded.ToString(),
        LinkInline link => PlainText(link),
        _ => string.Empty,
    };

    private static string PlainText(ContainerInline? container) =>
        Collapse(string.Concat(Leaves(container).Select(TextOf)));

    private static string Collapse(string text) =>
        string.Join(' ', text.Split([' ', '\t', '\n', '\r', '\u00a0'], StringSplitOptions.RemoveEmptyEntries));

    private static SourceLocation At(string path, Block block) => new(path, block.Line + 1, block.Column + 1);

    /// <summary>Rows are reported at their first column (Markdig puts a row after its leading pipe).</summary>
    private static SourceLocation RowAt(string path, TableRow row) => new(path, row.Line + 1, 1);

    private sealed record ImportedRow(GradeId Id, string Title, string? CareerTrack, int Line);
}
