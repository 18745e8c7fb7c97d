namespace Handbook.Site.Export;

using Handbook.Pipeline.Collections;
using System.Buffers;
using System.Text.Json;
using Handbook.JobFamilies.Model;
using Handbook.Site.Catalog;
using Handbook.Site.Export.Schema;
using Handbook.Site.Serialization;

/// <summary>
/// Builds and serialises <c>api/job-families.json</c>: every job family with its levels, specialties, grades,
/// lists and career-ladder links, so other tools can use the handbook without scraping HTML. snake_case names,
/// families ordered by URL, indented, '\n' line ends.
/// </summary>
public static class JobFamiliesExport
{
    public const string OutputPath = "api/job-families.json";

    public static ExportRoot Build(FamilyCatalog catalog) =>
        new(catalog.Families
            .Select(e => FamilyOf(e.Family) with { Versions = VersionsOf(e.Versions) })
            .OrderBy(f => f.Url, StringComparer.Ordinal)
            .ThenBy(f => f.Source, StringComparer.Ordinal)
            .ToList());

    public static string Serialize(ExportRoot root) => ExportJson.Serialize(root);

    /// <summary>
    /// One family's JSON exactly as <see cref="Serialize"/> writes it inside the <c>families</c> array (indented by
    /// four spaces), as UTF-8, so an incremental build serialises only the families it recomputed and joins the rest.
    /// </summary>
    /// <remarks>
    /// Bytes rather than a string: the file is written as UTF-8 anyway, and a 1000-family export (85 MB) held as
    /// UTF-16 parts, indented copies and one joined string cost ~6 times its size in allocations (issue 9).
    /// </remarks>
    public static byte[] FragmentOf(JobFamily family, Handbook.Site.Versions.PublishedVersions? versions = null)
    {
        var json = Serialized(family, versions);
        var result = new byte[IndentedLength(json)];
        Indent(json, result);
        return result;
    }

    /// <summary>
    /// <see cref="FragmentOf"/> written into <paramref name="target"/> (cleared first) instead of a new array: the same
    /// bytes. A caller that writes each part once and then reuses its buffer (the staged file, a batch at a time)
    /// allocates no part at all (issue 9: the parts were 90 MiB of arrays at N = 1000, each dropped once written).
    /// </summary>
    public static void WriteFragment(JobFamily family, Handbook.Site.Versions.PublishedVersions? versions, ArrayBufferWriter<byte> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var json = Serialized(family, versions);
        target.ResetWrittenCount();
        var length = IndentedLength(json);
        Indent(json, target.GetSpan(length)[..length]);
        target.Advance(length);
    }

    // The family's JSON at depth zero, in this thread's buffer (valid until the thread serialises the next one).
    private static ReadOnlySpan<byte> Serialized(JobFamily family, Handbook.Site.Versions.PublishedVersions? versions)
    {
        ArgumentNullException.ThrowIfNull(family);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        FamilyExportWriter.Write(writer, family, versions); // the serializer's tokens for FamilyOf(family), without making it
        writer.Flush();
        return buffer.WrittenSpan;
    }

    /// <summary>The whole file from fragments already in order: byte for byte what <see cref="Serialize"/> gives, as UTF-8.</summary>
    /// <param name="fragments">The families' parts (<see cref="FragmentOf"/>) in file order.</param>
    /// <param name="placed">When given, receives for each part the slice of the file that holds it: kept instead of
    /// the part, the file and the parts share one copy of the bytes (85 MB at 1000 families).</param>
    public static byte[] Assemble(IReadOnlyList<ReadOnlyMemory<byte>> fragments, ReadOnlyMemory<byte>[]? placed = null)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        if (fragments.Count == 0)
        {
            return "{\n  \"families\": []\n}\n"u8.ToArray();
        }

        ReadOnlySpan<byte> head = "{\n  \"families\": [\n"u8;
        ReadOnlySpan<byte> separator = ",\n"u8;
        ReadOnlySpan<byte> tail = "\n  ]\n}\n"u8;
        var length = head.Length + tail.Length + (separator.Length * (fragments.Count - 1));
        foreach (var fragment in fragments)
        {
            length += fragment.Length;
        }

        var file = new byte[length];
        var at = Append(file, 0, head);
        for (var i = 0; i < fragments.Count; i++)
        {
            var start = i == 0 ? at : Append(file, at, separator);
            at = Append(file, start, fragments[i].Span);
            if (placed is not null)
            {
                placed[i] = file.AsMemory(start, fragments[i].Length);
            }
        }

        Append(file, at, tail);
        return file;
    }

    /// <summary>
    /// Writes <see cref="Assemble"/>'s bytes to <paramref name="stream"/> part by part, taking each part from
    /// <paramref name="fragments"/> (in file order) only when it is written: a file written this way is never held whole.
    /// </summary>
    public static void WriteAssembled(Stream stream, IEnumerable<ReadOnlyMemory<byte>> fragments)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fragments);
        var first = true;
        foreach (var fragment in fragments)
        {
            stream.Write(first ? "{\n  \"families\": [\n"u8 : ",\n"u8);
            stream.Write(fragment.Span);
            first = false;
        }

        stream.Write(first ? "{\n  \"families\": []\n}\n"u8 : "\n  ]\n}\n"u8);
    }

    /// <summary>The order of families in the file: by URL, then source path (equal ones keep their order).</summary>
    public static List<T> InFileOrder<T>(IReadOnlyList<T> items, Func<T, JobFamily> family)
    {
        ArgumentNullException.ThrowIfNull(items);
        var positions = PositionsInFileOrder(items.Count, i => family(items[i]));
        var ordered = new List<T>(positions.Count);
        foreach (var position in positions)
        {
            ordered.Add(items[position]);
        }

        return ordered;
    }

    /// <summary>
    /// The positions 0 … <paramref name="count"/> − 1 in the file's order of their families. Positions, not the items:
    /// the stage's items are (index, family) tuples, and LINQ's sort over tuples is JIT-compiled in every build (issue 9).
    /// </summary>
    public static List<int> PositionsInFileOrder(int count, Func<int, JobFamily> family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return StableSort.Positions(count, (a, b) =>
        {
            var (x, y) = (family(a), family(b));
            var order = StringComparer.Ordinal.Compare(x.Url, y.Url);
            return order != 0 ? order : StringComparer.Ordinal.Compare(x.SourcePath, y.SourcePath);
        });
    }

    /// <summary><see cref="Serialize"/> as the UTF-8 bytes of the file.</summary>
    public static byte[] SerializeToUtf8Bytes(ExportRoot root) => ExportJson.SerializeToUtf8Bytes(root);

    private static FamilyExport FamilyOf(JobFamily family)
    {
        IEnumerable<Role> levels = family.Levels.Count == 0 && family.PageRole is not null ? [family.PageRole] : family.Levels;
        return new FamilyExport(
            family.Title,
            family.Description,
            family.Department,
            family.Url,
            family.SourcePath,
            levels.Select(RoleOf).ToList(),
            family.Specialties.Select(RoleOf).ToList(),
            SharedOf(family),
            new CareerLadderExport(CareerLadderLinks.Of(family)));
    }

    // Versions from git history, newest first; left out of the file when the build reads no history.
    private static List<VersionExport>? VersionsOf(Handbook.Site.Versions.PublishedVersions? versions) =>
        versions?.Versions.Select(v => new VersionExport(v.Id, Handbook.Site.Versions.VersionDates.Iso(v.Date), v.CommitSha, v.Subject, v.Url)).ToList();

    private static SharedExport? SharedOf(JobFamily family) =>
        SharedLists.Of(family) is { } shared
            ? new SharedExport(ItemsOf(shared.Responsibilities), ItemsOf(shared.Requirements), ItemsOf(shared.NiceToHaves))
            : null;

    private static RoleExport RoleOf(Role role) =>
        new(
            role.Name,
            role.Anchor,
            role.Grade is null ? null : new GradeExport(role.Grade.Value, role.Grade.Title, role.Grade.Track, role.Grade.Url),
            ItemsOf(role.Overview),
            ItemsOf(role.Responsibilities),
            ItemsOf(role.Requirements),
            ItemsOf(role.NiceToHaves),
            role.Extends.Select(e => new ExtendsExport(e.Url, e.Role, e.Sections)).ToList());

    private static List<ItemExport> ItemsOf(Section? section) =>
        section is null
            ? []
            : section.Items
                .Select(i => new ItemExport(i.Text, i.InheritedFrom is null ? null : new InheritedFromExport(i.InheritedFrom.Url, i.InheritedFrom.Level, i.InheritedFrom.Section)))
                .ToList();
    // The serializer's own writer settings (JsonSerializer.Serialize(Utf8JsonWriter, ...) takes them from the writer).
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = ExportJson.Options.Encoder,
        Indented = ExportJson.Options.WriteIndented,
        NewLine = ExportJson.Options.NewLine,
        IndentCharacter = ExportJson.Options.IndentCharacter,
        IndentSize = ExportJson.Options.IndentSize,
    };

    // One buffer and writer per thread: fragments are serialised in parallel, each copied out when done.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private const int IndentWidth = 4;

    // The length of the JSON with four spaces before it and after each '\n'.
    private static int IndentedLength(ReadOnlySpan<byte> json) => json.Length + (IndentWidth * (json.Count((byte)'\n') + 1));

    // The JSON with four spaces before it and after each '\n' (its place at depth two of the file), into result
    // (exactly IndentedLength long).
    private static void Indent(ReadOnlySpan<byte> json, Span<byte> result)
    {
        var at = 0;
        while (true)
        {
            result.Slice(at, IndentWidth).Fill((byte)' ');
            at += IndentWidth;
            var end = json.IndexOf((byte)'\n');
            if (end < 0)
            {
                json.CopyTo(result[at..]);
                return;
            }

            json[..(end + 1)].CopyTo(result[at..]);
            at += end + 1;
            json = json[(end + 1)..];
        }
    }

    private static int Append(byte[] file, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(file.AsSpan(at));
        return at + bytes.Length;
    }
}
