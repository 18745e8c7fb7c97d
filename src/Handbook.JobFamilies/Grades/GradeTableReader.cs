namespace Handbook.JobFamilies.Grades;

using Handbook.Pipeline.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

/// <summary>
/// Reads <c>job-grades.yml</c> (schema in README.md) from text. Reads the YAML node tree rather than
/// deserialising into classes so every problem is reported at its own line, and one bad entry does not hide the rest.
/// Never throws for bad input: problems become GRADE1xx diagnostics and the valid entries are kept.
/// </summary>
public static class GradeTableReader
{
    public const string CareerTrackIndividualContributor = "individual-contributor";
    public const string CareerTrackManagement = "management";

    private static readonly string[] RootKeys = ["tracks", "grades"];
    private static readonly string[] TrackKeys = ["id", "name", "departments"];
    private static readonly string[] GradeKeys = ["id", "title", "titles", "track", "equivalent", "note"];

    public static GradeTable Read(string path, string yaml, ICollection<Diagnostic> diagnostics)
    {
        var reader = new Reader(path, diagnostics);
        return reader.Read(yaml);
    }

    private sealed class Reader(string path, ICollection<Diagnostic> diagnostics)
    {
        /// <summary>Where each line starts, counting only LF, CR and CRLF as line ends (as the rest of the site does).</summary>
        private readonly List<int> _lineStarts = [0];

        public GradeTable Read(string yaml)
        {
            for (var i = 0; i < yaml.Length; i++)
            {
                if (yaml[i] == '\n' || (yaml[i] == '\r' && (i + 1 >= yaml.Length || yaml[i + 1] != '\n')))
                {
                    _lineStarts.Add(i + 1);
                }
            }

            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException ex)
            {
                diagnostics.Add(Diagnostic.Error("GRADE100", "YAML syntax error: " + FirstLine(ex.Message), At(ex.Start), "check the indentation and quoting on this line"));
                return GradeTable.Empty;
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
            {
                // YamlDotNet's scanner fails this way on some malformed plain scalars instead of raising a YamlException.
                diagnostics.Add(Diagnostic.Error("GRADE100", "YAML syntax error: the file could not be read as YAML", new SourceLocation(path, 1, 1), "check for stray brackets, colons and tabs; quote titles that contain them"));
                return GradeTable.Empty;
            }

            if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode))
            {
                return GradeTable.Empty;
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                Shape(stream.Documents[0].RootNode, "the grade data must be a mapping with 'tracks' and 'grades'");
                return GradeTable.Empty;
            }

            var tracks = new List<GradeTrack>();
            var grades = new List<Grade>();
            foreach (var (keyNode, value) in root.Children)
            {
                var key = KeyOf(keyNode, RootKeys);
                if (key == "tracks")
                {
                    tracks = ReadTracks(value);
                }
                else if (key == "grades")
                {
                    grades = ReadGrades(value, tracks);
                }
            }

            return new GradeTable(tracks, grades);
        }

        /// <summary>The mappings of a list node (absent or null: none); a non-list or a non-mapping item is reported.</summary>
        private IEnumerable<YamlMappingNode> Mappings(YamlNode node, string notAList, string notAMapping)
        {
            if (IsNull(node))
            {
                yield break;
            }

            if (node is not YamlSequenceNode list)
            {
                Shape(node, notAList);
                yield break;
            }

            foreach (var item in list.Children)
            {
                if (item is YamlMappingNode map)
                {
                    yield return map;
                }
                else
                {
                    Shape(item, notAMapping);
                }
            }
        }

        private List<GradeTrack> ReadTracks(YamlNode node)
        {
            var tracks = new List<GradeTrack>();
            foreach (var map in Mappings(node, "'tracks' must be a list of {id, name, departments}", "each track must be a mapping with 'id', 'name' and optional 'departments'"))
            {

                string? id = null, name = null;
                var departments = new List<string>();
                foreach (var (keyNode, value) in map.Children)
                {
                    switch (KeyOf(keyNode, TrackKeys))
                    {
                        case "id": id = Scalar(value, "track id"); break;
                        case "name": name = Scalar(value, "track name"); break;
                        case "departments": departments = ScalarList(value, "departments"); break;
                    }
                }

                if (string.IsNullOrWhiteSpace(id))
                {
                    Shape(map, "a track needs an 'id'");
                    continue;
                }

                if (tracks.Any(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase)))
                {
                    diagnostics.Add(Diagnostic.Error("GRADE102", $"duplicate track '{id}'", At(map.Start), "give each track a different id"));
                    continue;
                }

                tracks.Add(new GradeTrack(id, name ?? id, departments));
            }

            return tracks;
        }

        private List<Grade> ReadGrades(YamlNode node, List<GradeTrack> tracks)
        {
            var grades = new List<Grade>();
            foreach (var map in Mappings(node, "'grades' must be a list of {id, title, …}", "each grade must be a mapping with at least 'id' and 'title'"))
            {

                var grade = ReadGrade(map, tracks);
                if (grade is null)
                {
                    continue;
                }

                var first = grades.FirstOrDefault(g => g.Id == grade.Id);
                if (first is not null)
                {
                    diagnostics.Add(Diagnostic.Error(
                        "GRADE102", $"duplicate grade {grade.Id} (first defined on line {first.Line})", At(map.Start), "remove one of the entries or change its id"));
                    continue;
                }

                grades.Add(grade);
            }

            return grades;
        }

        private Grade? ReadGrade(YamlMappingNode map, List<GradeTrack> tracks)
        {
            YamlNode? idNode = null;
            string? title = null, careerTrack = null, equivalent = null, note = null;
            var titles = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in map.Children)
            {
                switch (KeyOf(keyNode, GradeKeys))
                {
                    case "id": idNode = value; break;
                    case "title": title = Scalar(value, "title"); break;
                    case "titles": titles = ReadTitles(value, tracks); break;
                    case "track": careerTrack = ReadCareerTrack(value); break;
                    case "equivalent": equivalent = Scalar(value, "equivalent"); break;
                    case "note": note = Scalar(value, "note"); break;
                }
            }

            var idText = idNode is null ? null : Scalar(idNode, "id");
            if (idNode is null || idText is null)
            {
                diagnostics.Add(Diagnostic.Error("GRADE104", "grade has no 'id'", At(map.Start), "add 'id: 7' (a number, decimals such as 9.5 allowed)"));
                return null;
            }

            if (!GradeId.TryParse(idText, out var id))
            {
                diagnostics.Add(Diagnostic.Error("GRADE104", $"grade id '{idText}' is not a number", At(idNode.Start), "write the id as a number such as 7 or 9.5"));
                return null;
            }

            if (string.IsNullOrWhiteSpace(title))
            {
                diagnostics.Add(Diagnostic.Error("GRADE103", $"grade {id} has no 'title'", At(map.Start), "add 'title: \"…\"' (the title in the general track)"));
                return null;
            }

            return new Grade
            {
                Id = id,
                Title = title,
                Titles = titles,
                CareerTrack = careerTrack,
                Equivalent = equivalent,
                Note = note,
                Line = Line(map.Start),
            };
        }

        private Dictionary<string, string> ReadTitles(YamlNode node, List<GradeTrack> tracks)
        {
            var titles = new Dictionary<string, string>(StringComparer.Ordinal);
            if (IsNull(node))
            {
                return titles;
            }

            if (node is not YamlMappingNode map)
            {
                Shape(node, "'titles' must map track ids to titles, e.g. 'sales: \"Mid Market\"'");
                return titles;
            }

            foreach (var (keyNode, value) in map.Children)
            {
                var trackId = Scalar(keyNode, "track id");
                var title = Scalar(value, "title");
                if (trackId is null || title is null)
                {
                    continue;
                }

                var declared = tracks.FirstOrDefault(t => string.Equals(t.Id, trackId, StringComparison.OrdinalIgnoreCase));
                if (declared is null && trackId != GradeTable.GeneralTrackId)
                {
                    var known = string.Join(", ", tracks.Select(t => t.Id).Prepend(GradeTable.GeneralTrackId).Distinct());
                    diagnostics.Add(Diagnostic.Error(
                        "GRADE105", $"title for undeclared track '{trackId}'", At(keyNode.Start), $"declare it under 'tracks:' or use one of: {known}"));
                    continue;
                }

                titles[declared?.Id ?? trackId] = title;
            }

            return titles;
        }

        private string? ReadCareerTrack(YamlNode node)
        {
            var value = Scalar(node, "track");
            if (value is null or CareerTrackIndividualContributor or CareerTrackManagement)
            {
                return value;
            }

            diagnostics.Add(Diagnostic.Warning(
                "GRADE107",
                $"unknown career track '{value}'",
                At(node.Start),
                $"use '{CareerTrackIndividualContributor}' or '{CareerTrackManagement}' (title tracks such as 'sales' go under 'titles:')"));
            return value;
        }

        private string? KeyOf(YamlNode keyNode, string[] allowed)
        {
            var key = keyNode is YamlScalarNode s ? s.Value : null;
            if (key is not null && allowed.Contains(key, StringComparer.Ordinal))
            {
                return key;
            }

            var nearest = allowed.FirstOrDefault(a => string.Equals(a, key, StringComparison.OrdinalIgnoreCase));
            diagnostics.Add(Diagnostic.Error(
                "GRADE101",
                $"unknown key '{key}'",
                At(keyNode.Start),
                nearest is not null ? $"did you mean '{nearest}'?" : "allowed here: " + string.Join(", ", allowed)));
            return null;
        }

        private string? Scalar(YamlNode node, string what)
        {
            if (IsNull(node))
            {
                return null;
            }

            if (node is YamlScalarNode s)
            {
                return s.Value?.Trim();
            }

            Shape(node, $"'{what}' must be a single value");
            return null;
        }

        private List<string> ScalarList(YamlNode node, string what)
        {
            if (IsNull(node))
            {
                return [];
            }

            if (node is YamlScalarNode)
            {
                return Scalar(node, what) is { } single ? [single] : [];
            }

            if (node is not YamlSequenceNode list)
            {
                Shape(node, $"'{what}' must be a list");
                return [];
            }

            return list.Children.Select(c => Scalar(c, what)).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        }

        private void Shape(YamlNode node, string message) =>
            diagnostics.Add(Diagnostic.Error("GRADE106", message, At(node.Start), "see the job-grades.yml schema in the README"));

        private SourceLocation At(Mark mark)
        {
            var (line, column) = Position(mark);
            return new(path, line, column);
        }

        private int Line(Mark mark) => Position(mark).Line;

        /// <summary>
        /// The 1-based line and column of <paramref name="mark"/> from its character index: YamlDotNet also ends lines
        /// at U+0085, U+2028 and U+2029 (YAML 1.1), which editors and every other diagnostic of the site do not.
        /// </summary>
        private (int Line, int Column) Position(Mark mark)
        {
            var index = (int)Math.Clamp(mark.Index, 0, _lineStarts.Count == 0 ? 0 : int.MaxValue);
            var found = _lineStarts.BinarySearch(index);
            var line = found >= 0 ? found : ~found - 1;
            return (line + 1, index - _lineStarts[line] + 1);
        }

        /// <summary>A plain <c>null</c>, <c>~</c> or empty value (the bench files write <c>equivalent: null</c>).</summary>
        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

        private static string FirstLine(string message)
        {
            var end = message.IndexOfAny(['\r', '\n']);
            return end < 0 ? message : message[..end];
        }
    }
}
