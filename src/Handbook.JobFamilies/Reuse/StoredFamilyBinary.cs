namespace Handbook.JobFamilies.Reuse;

using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// <see cref="StoredFamily"/> as compact bytes: every field in declaration order, integers as zigzag variable-length
/// integers, strings as their UTF-8 bytes after a length (0 for null, else length + 1), lists as a count and their
/// items, enums as their numbers. Replaces the JSON part of a family state (issue 9: reading 121 states' JSON was
/// ≈ 9–11 % of a build after one commit on the replayed history, a fifth of which is the parser, not the model).
/// </summary>
/// <remarks>
/// Reading is strict, as the JSON reading was: a null where the shape has none, an enum value it does not name, a
/// count or length past the end, or bytes left over are a <see cref="FormatException"/>; indexes are checked by
/// <see cref="StoredFamilyMapping"/>.
/// </remarks>
internal static class StoredFamilyBinary
{
    // The front matter's YAML nests; a damaged entry must not recurse without end (the limit JSON reading had).
    private const int MaxDepth = 64;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Write(StoredFamily family, IBufferWriter<byte> output)
    {
        var writer = new Writer(output);
        WritePath(ref writer, family.Path);
        writer.Strings(family.Paths);
        writer.Count(family.Inherited.Count);
        foreach (var inherited in family.Inherited)
        {
            writer.String(inherited.Url);
            writer.String(inherited.Level);
            writer.Int((int)inherited.Section);
        }

        writer.String(family.Title);
        writer.NullableString(family.Description);
        WriteFrontMatter(ref writer, family.FrontMatter);
        writer.String(family.SourceMap.Path);
        writer.Count(family.SourceMap.Segments.Count);
        foreach (var segment in family.SourceMap.Segments)
        {
            writer.Int(segment.ParsedStartLine);
            writer.Int(segment.LineCount);
            writer.String(segment.SourcePath);
            writer.Int(segment.SourceStartLine);
        }

        writer.Count(family.Items.Count);
        foreach (var item in family.Items)
        {
            writer.String(item.Text);
            writer.Location(item.Location);
            writer.Int(item.InheritedFrom);
        }

        writer.Count(family.Sections.Count);
        foreach (var section in family.Sections)
        {
            writer.Int((int)section.Kind);
            writer.String(section.Title);
            writer.String(section.Anchor);
            writer.Int(section.HeadingLevel);
            writer.Location(section.Location);
            writer.Int(section.StartLine);
            writer.Int(section.EndLine);
            writer.Ints(section.Items);
            writer.Ints(section.Children);
        }

        writer.Count(family.Roles.Count);
        foreach (var role in family.Roles)
        {
            WriteRole(ref writer, role);
        }

        writer.Ints(family.TopSections);
        writer.Ints(family.Levels);
        writer.Ints(family.Specialties);
        writer.Int(family.PageRole);
        writer.Int(family.PerformanceIndicators);
        writer.Int(family.CareerLadder);
        writer.Int(family.HiringProcess);
        writer.Bool(family.HasMermaid);
        writer.Count(family.AuthoredLinks.Count);
        foreach (var link in family.AuthoredLinks)
        {
            writer.String(link.Url);
            writer.Int((int)link.Origin);
            writer.Int(link.Line);
            writer.Int(link.Column);
        }

        writer.Count(family.CareerLadderLinks.Count);
        foreach (var link in family.CareerLadderLinks)
        {
            writer.String(link.Text);
            writer.String(link.Url);
        }

        writer.Bool(family.ListedFolders is not null);
        if (family.ListedFolders is not null)
        {
            writer.Strings(family.ListedFolders);
        }

        writer.Count(family.Diagnostics.Count);
        foreach (var diagnostic in family.Diagnostics)
        {
            writer.Int((int)diagnostic.Severity);
            writer.String(diagnostic.Code);
            writer.String(diagnostic.Message);
            writer.Location(diagnostic.Location);
            writer.NullableString(diagnostic.Hint);
            writer.NullableString(diagnostic.Detail);
        }

        writer.Bool(family.GradeLookups is not null);
        if (family.GradeLookups is not null)
        {
            writer.String(family.GradeLookups.TrackId);
            writer.Strings(family.GradeLookups.Ids);
        }
    }

    public static StoredFamily Read(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        var path = ReadPath(ref reader);
        var paths = reader.Strings();
        var inherited = new InheritedFrom[reader.Count()];
        for (var i = 0; i < inherited.Length; i++)
        {
            inherited[i] = new InheritedFrom(reader.String(), reader.String(), reader.Enum<SectionKind>());
        }

        var title = reader.String();
        var description = reader.NullableString();
        var frontMatter = ReadFrontMatter(ref reader);
        var sourceMapPath = reader.String();
        var segments = new StoredSegment[reader.Count()];
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = new StoredSegment(reader.Int(), reader.Int(), reader.String(), reader.Int());
        }

        var items = new StoredItem[reader.Count()];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new StoredItem(reader.String(), reader.Location(), reader.Int());
        }

        var sections = new StoredSection[reader.Count()];
        for (var i = 0; i < sections.Length; i++)
        {
            sections[i] = new StoredSection(reader.Enum<SectionKind>(), reader.String(), reader.String(), reader.Int(), reader.Location(), reader.Int(), reader.Int(), reader.Ints(), reader.Ints());
        }

        var roles = new StoredRole[reader.Count()];
        for (var i = 0; i < roles.Length; i++)
        {
            roles[i] = ReadRole(ref reader);
        }

        var topSections = reader.Ints();
        var levels = reader.Ints();
        var specialties = reader.Ints();
        var pageRole = reader.Int();
        var performanceIndicators = reader.Int();
        var careerLadder = reader.Int();
        var hiringProcess = reader.Int();
        var hasMermaid = reader.Bool();
        var authoredLinks = new FoundLink[reader.Count()];
        for (var i = 0; i < authoredLinks.Length; i++)
        {
            authoredLinks[i] = new FoundLink(reader.String(), reader.Enum<LinkOrigin>(), reader.Int(), reader.Int());
        }

        var careerLadderLinks = new LabeledLink[reader.Count()];
        for (var i = 0; i < careerLadderLinks.Length; i++)
        {
            careerLadderLinks[i] = new LabeledLink(reader.String(), reader.String());
        }

        var listedFolders = reader.Bool() ? reader.Strings() : null;
        var diagnostics = new StoredDiagnostic[reader.Count()];
        for (var i = 0; i < diagnostics.Length; i++)
        {
            diagnostics[i] = new StoredDiagnostic(reader.Enum<Severity>(), reader.String(), reader.String(), reader.Location(), reader.NullableString(), reader.NullableString());
        }

        var gradeLookups = reader.Bool() ? new StoredGradeLookups(reader.String(), reader.Strings()) : null;
        reader.End();
        return new StoredFamily(
            path, paths, inherited, title, description, frontMatter, new StoredSourceMap(sourceMapPath, segments), items, sections, roles,
            topSections, levels, specialties, pageRole, performanceIndicators, careerLadder, hiringProcess, hasMermaid,
            authoredLinks, careerLadderLinks, listedFolders, diagnostics, gradeLookups);
    }

    private static void WritePath(ref Writer writer, FamilyPathInfo path)
    {
        writer.String(path.SourcePath);
        writer.String(path.Slug);
        writer.String(path.Department);
        writer.String(path.Url);
        writer.Bool(path.IsDepartmentIndex);
        writer.Bool(path.IsFolderIndex);
        writer.Bool(path.IsErb);
    }

    private static FamilyPathInfo ReadPath(ref Reader reader) =>
        new(reader.String(), reader.String(), reader.String(), reader.String(), reader.Bool(), reader.Bool(), reader.Bool());

    private static void WriteFrontMatter(ref Writer writer, StoredFrontMatter frontMatter)
    {
        writer.NullableString(frontMatter.Title);
        writer.NullableString(frontMatter.Description);
        writer.NullableString(frontMatter.Layout);
        writer.NullableString(frontMatter.CanonicalPath);
        writer.Strings(frontMatter.ExtraJs);
        WriteEntries(ref writer, frontMatter.Values);
        writer.Int(frontMatter.BodyStartLine);
        writer.Count(frontMatter.Positions.Count);
        foreach (var position in frontMatter.Positions)
        {
            writer.String(position.Key);
            writer.Int(position.Line);
            writer.Int(position.Column);
        }
    }

    private static StoredFrontMatter ReadFrontMatter(ref Reader reader)
    {
        var title = reader.NullableString();
        var description = reader.NullableString();
        var layout = reader.NullableString();
        var canonicalPath = reader.NullableString();
        var extraJs = reader.Strings();
        var values = ReadEntries(ref reader, depth: 0);
        var bodyStartLine = reader.Int();
        var positions = new StoredPosition[reader.Count()];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = new StoredPosition(reader.String(), reader.Int(), reader.Int());
        }

        return new StoredFrontMatter(title, description, layout, canonicalPath, extraJs, values, bodyStartLine, positions);
    }

    private static void WriteEntries(ref Writer writer, IReadOnlyList<StoredEntry> entries)
    {
        writer.Count(entries.Count);
        foreach (var entry in entries)
        {
            writer.String(entry.Key);
            WriteValue(ref writer, entry.Value);
        }
    }

    private static void WriteValue(ref Writer writer, StoredValue value)
    {
        writer.Int((int)value.Kind);
        writer.NullableString(value.Text);
        writer.Bool(value.Items is not null);
        if (value.Items is not null)
        {
            writer.Count(value.Items.Count);
            foreach (var item in value.Items)
            {
                WriteValue(ref writer, item);
            }
        }

        writer.Bool(value.Entries is not null);
        if (value.Entries is not null)
        {
            WriteEntries(ref writer, value.Entries);
        }
    }

    private static StoredEntry[] ReadEntries(ref Reader reader, int depth)
    {
        var entries = new StoredEntry[reader.Count()];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new StoredEntry(reader.String(), ReadValue(ref reader, depth + 1));
        }

        return entries;
    }

    private static StoredValue ReadValue(ref Reader reader, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException("front matter nested too deep");
        }

        var kind = reader.Enum<StoredValueKind>();
        var text = reader.NullableString();
        StoredValue[]? items = null;
        if (reader.Bool())
        {
            items = new StoredValue[reader.Count()];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = ReadValue(ref reader, depth + 1);
            }
        }

        var entries = reader.Bool() ? ReadEntries(ref reader, depth) : null;
        return new StoredValue(kind, text, items, entries);
    }

    private static void WriteRole(ref Writer writer, StoredRole role)
    {
        writer.Int((int)role.Kind);
        writer.String(role.Name);
        writer.String(role.Anchor);
        writer.Location(role.Location);
        writer.Int(role.StartLine);
        writer.Int(role.EndLine);
        writer.Int(role.Overview);
        writer.Int(role.Responsibilities);
        writer.Int(role.Requirements);
        writer.Int(role.NiceToHaves);
        writer.Int(role.PerformanceIndicators);
        writer.Int(role.JobGrade);
        writer.Ints(role.Sections);
        writer.Bool(role.Grade is not null);
        if (role.Grade is { } grade)
        {
            writer.String(grade.Value);
            writer.Location(grade.Location);
            writer.NullableString(grade.Title);
            writer.NullableString(grade.Track);
            writer.NullableString(grade.Url);
        }

        writer.Count(role.Extends.Count);
        foreach (var extends in role.Extends)
        {
            writer.String(extends.Url);
            writer.String(extends.Role);
            writer.Count(extends.Sections.Count);
            foreach (var kind in extends.Sections)
            {
                writer.Int((int)kind);
            }

            writer.Location(extends.Location);
            writer.Bool(extends.IsAlternative);
        }
    }

    private static StoredRole ReadRole(ref Reader reader)
    {
        var kind = reader.Enum<RoleKind>();
        var name = reader.String();
        var anchor = reader.String();
        var location = reader.Location();
        var startLine = reader.Int();
        var endLine = reader.Int();
        var overview = reader.Int();
        var responsibilities = reader.Int();
        var requirements = reader.Int();
        var niceToHaves = reader.Int();
        var performanceIndicators = reader.Int();
        var jobGrade = reader.Int();
        var sections = reader.Ints();
        var grade = reader.Bool()
            ? new StoredGrade(reader.String(), reader.Location(), reader.NullableString(), reader.NullableString(), reader.NullableString())
            : null;
        var extends = new StoredExtendsLink[reader.Count()];
        for (var i = 0; i < extends.Length; i++)
        {
            var url = reader.String();
            var role = reader.String();
            var kinds = new SectionKind[reader.Count()];
            for (var k = 0; k < kinds.Length; k++)
            {
                kinds[k] = reader.Enum<SectionKind>();
            }

            extends[i] = new StoredExtendsLink(url, role, kinds, reader.Location(), reader.Bool());
        }

        return new StoredRole(kind, name, anchor, location, startLine, endLine, overview, responsibilities, requirements, niceToHaves, performanceIndicators, jobGrade, sections, grade, extends);
    }

    private ref struct Writer(IBufferWriter<byte> output)
    {
        public readonly void Int(int value)
        {
            // Zigzag, so -1 (no index) is one byte.
            var zigzag = (uint)((value << 1) ^ (value >> 31));
            var span = output.GetSpan(5);
            var length = 0;
            while (zigzag >= 0x80)
            {
                span[length++] = (byte)(zigzag | 0x80);
                zigzag >>= 7;
            }

            span[length++] = (byte)zigzag;
            output.Advance(length);
        }

        public readonly void Count(int count) => Int(count);

        public readonly void Bool(bool value) => Int(value ? 1 : 0);

        // A null the shape has no place for is written as null, and reading the state fails (as with the JSON it
        // replaces): the family is then built again, never restored with a hole.
        public readonly void String(string value) => NullableString(value);

        public readonly void NullableString(string? value)
        {
            if (value is null)
            {
                Int(0);
                return;
            }

            var length = Encoding.UTF8.GetByteCount(value);
            Int(length + 1);
            var written = Encoding.UTF8.GetBytes(value, output.GetSpan(length));
            output.Advance(written);
        }

        public readonly void Strings(IReadOnlyList<string> values)
        {
            Count(values.Count);
            foreach (var value in values)
            {
                String(value);
            }
        }

        public readonly void Ints(IReadOnlyList<int> values)
        {
            Count(values.Count);
            foreach (var value in values)
            {
                Int(value);
            }
        }

        public readonly void Location(StoredLocation location)
        {
            Int(location.Path);
            Int(location.Line);
            Int(location.Column);
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public int Int()
        {
            uint zigzag = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                if (_position >= _bytes.Length)
                {
                    throw new FormatException("the state ends inside a number");
                }

                var next = _bytes[_position++];
                zigzag |= (uint)(next & 0x7F) << shift;
                if (next < 0x80)
                {
                    return (int)(zigzag >> 1) ^ -(int)(zigzag & 1);
                }
            }

            throw new FormatException("a number longer than five bytes");
        }

        // A count can never exceed the bytes left (every item takes at least one byte): a damaged count fails here,
        // before an array of its size is allocated.
        public int Count()
        {
            var count = Int();
            return count >= 0 && count <= _bytes.Length - _position ? count : throw new FormatException($"a count of {count} with {_bytes.Length - _position} bytes left");
        }

        public bool Bool() => Int() switch
        {
            0 => false,
            1 => true,
            var other => throw new FormatException($"{other} is not a boolean"),
        };

        public string String() => NullableString() ?? throw new FormatException("a null where the state has a string");

        public string? NullableString()
        {
            var length = Int();
            if (length == 0)
            {
                return null;
            }

            length--;
            if (length < 0 || length > _bytes.Length - _position)
            {
                throw new FormatException($"a string of {length} bytes with {_bytes.Length - _position} left");
            }

            // Strict UTF-8: what Write wrote always decodes; anything else is damage.
            var text = StrictUtf8.GetString(_bytes.Slice(_position, length));
            _position += length;
            return text;
        }

        public string[] Strings()
        {
            var values = new string[Count()];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = String();
            }

            return values;
        }

        public int[] Ints()
        {
            var values = new int[Count()];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Int();
            }

            return values;
        }

        public T Enum<T>()
            where T : struct, Enum
        {
            var value = Int();
            var typed = Unsafe.As<int, T>(ref value); // every stored enum is int-based
            return System.Enum.IsDefined(typed) ? typed : throw new FormatException($"{value} is not a {typeof(T).Name}");
        }

        public StoredLocation Location() => new(Int(), Int(), Int());

        public readonly void End()
        {
            if (_position != _bytes.Length)
            {
                throw new FormatException($"{_bytes.Length - _position} bytes after the state");
            }
        }
    }
}
