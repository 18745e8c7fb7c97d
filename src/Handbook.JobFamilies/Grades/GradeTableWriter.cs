namespace Handbook.JobFamilies.Grades;

using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

/// <summary>
/// Writes a <see cref="GradeTable"/> as <c>job-grades.yml</c>: a comment header saying where it came from, then
/// tracks in declared order and grades in ascending numeric order, keys in schema order. The same table always
/// gives the same bytes (no dates), so re-importing an unchanged page leaves the file untouched in git.
/// </summary>
public static class GradeTableWriter
{
    public static string Write(GradeTable table)
    {
        var root = new YamlMappingNode();
        var tracks = new YamlSequenceNode();
        foreach (var track in table.Tracks)
        {
            var node = new YamlMappingNode { { "id", Plain(track.Id) }, { "name", Quoted(track.Name) } };
            if (track.Id != GradeTable.GeneralTrackId)
            {
                node.Add("departments", new YamlSequenceNode(track.Departments.Select(Plain)) { Style = SequenceStyle.Flow });
            }

            tracks.Add(node);
        }

        var grades = new YamlSequenceNode();
        foreach (var grade in table.Grades)
        {
            var node = new YamlMappingNode { { "id", Plain(grade.Id.Text) }, { "title", Quoted(grade.Title) } };
            var titles = table.Tracks
                .Where(t => t.Id != GradeTable.GeneralTrackId && grade.Titles.ContainsKey(t.Id))
                .Select(t => (t.Id, Title: grade.Titles[t.Id]))
                .ToList();
            if (titles.Count > 0)
            {
                var titleMap = new YamlMappingNode();
                foreach (var (trackId, title) in titles)
                {
                    titleMap.Add(Plain(trackId), Quoted(title));
                }

                node.Add("titles", titleMap);
            }

            AddIfSet(node, "track", grade.CareerTrack, quoted: false);
            AddIfSet(node, "equivalent", grade.Equivalent, quoted: true);
            AddIfSet(node, "note", grade.Note, quoted: true);
            grades.Add(node);
        }

        root.Add("tracks", tracks);
        root.Add("grades", grades);

        var text = new StringBuilder();
        text.Append("# Job grades: the grade ids, their titles per track, and which departments use which track.\n");
        text.Append(table.ImportedFrom is null
            ? "# Written by handbook-site.\n"
            : $"# Imported by `handbook-site import-grades` from {table.ImportedFrom}.\n");
        text.Append("# Grade links on job-family pages are checked against this file and point at #grade-<id>.\n");

        using var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var body = writer.ToString();

        // The emitter ends a document with "...": it is noise in a data file meant to be edited by hand.
        var end = body.LastIndexOf("...", StringComparison.Ordinal);
        if (end >= 0 && body[end..].Trim() == "...")
        {
            body = body[..end];
        }

        text.Append(body.TrimEnd('\n')).Append('\n');
        return text.ToString();
    }

    private static void AddIfSet(YamlMappingNode node, string key, string? value, bool quoted)
    {
        if (!string.IsNullOrEmpty(value))
        {
            node.Add(key, quoted ? Quoted(value) : Plain(value));
        }
    }

    private static YamlScalarNode Plain(string value) => new(value);

    private static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };
}
