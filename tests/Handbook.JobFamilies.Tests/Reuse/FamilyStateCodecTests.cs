namespace Handbook.JobFamilies.Tests.Reuse;

using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Reuse;
using Handbook.Pipeline.Diagnostics;
using Markdig.Syntax;

/// <summary>
/// A family's tree-less state (<see cref="FamilyState"/>) written by <see cref="FamilyStateCodec"/> reads back as the
/// same model: every field, the sharing of roles and sections, the front matter's values of every kind, the body
/// bytes and the diagnostics; and bytes that are not such an entry read as false.
/// </summary>
public sealed class FamilyStateCodecTests
{
    [Fact]
    public void Given_a_family_with_shared_sections_grades_extends_and_links_When_written_and_read_Then_it_is_the_same_state()
    {
        // Given
        var state = SampleState();

        // When
        var bytes = FamilyStateCodec.Write(state);
        var read = FamilyStateCodec.TryRead(bytes, out var restored);

        // Then every stored field survives (writing the restored state gives the same bytes) …
        Assert.True(read);
        Assert.Equal(bytes, FamilyStateCodec.Write(restored));
        Assert.Equal(state.Path, restored.Path);
        Assert.Equal(state.BodyUtf8, restored.BodyUtf8);
        Assert.Equal(state.ListedFolders, restored.ListedFolders);
        Assert.Equal(state.Diagnostics, restored.Diagnostics);
        Assert.Equal("trace", restored.Diagnostics[1].Detail);

        // … the model is tree-less and shares what the original shares
        var family = restored.Family;
        Assert.Empty(family.Body);
        Assert.Equal(state.Family.BodyFacts!.AuthoredLinks, family.BodyFacts!.AuthoredLinks);
        Assert.Equal(state.Family.BodyFacts.CareerLadderLinks, family.BodyFacts.CareerLadderLinks);
        Assert.True(family.BodyFacts.HasMermaid);
        var level = Assert.Single(family.Levels);
        Assert.Same(level.Responsibilities, level.Sections[0]);
        Assert.Same(level.Responsibilities, family.Sections[0].Children[0]);
        Assert.Same(family.CareerLadder, family.Sections[1]);
        Assert.Same(level.Responsibilities!.Items[0], level.Responsibilities.Items[0]);
        Assert.Equal(new InheritedFrom("/job-families/sales/base/#junior", "Junior", SectionKind.Responsibilities), level.Responsibilities.Items[1].InheritedFrom);
        Assert.Equal(("9", "Senior", "general", "/grades/#9", true), (level.Grade!.Value, level.Grade.Title, level.Grade.Track, level.Grade.Url, level.Grade.Resolved));
        var extends = Assert.Single(level.Extends);
        Assert.Equal(("/job-families/sales/base/#junior", "Junior", true), (extends.Url, extends.Role, extends.IsAlternative));
        Assert.Equal([SectionKind.Responsibilities, SectionKind.Requirements], extends.Sections);
        Assert.Equal("Analyst", family.PageRole!.Name);
        Assert.Null(family.HiringProcess);
        Assert.Equal(new SourceLocation("job-families/sales/_partial.md", 4, 2), family.Locate(11, 1));
        Assert.Equal(new SourceLocation("job-families/sales/analyst.html.md.erb", 2, 1), family.Locate(1, 0));

        // … and the front matter's values keep their kinds and order
        var values = family.FrontMatter.Values;
        Assert.Equal(["title", "nothing", "tags", "track"], values.Keys);
        Assert.Null(values["nothing"]);
        Assert.Equal(new object?[] { "a", null, "b" }, Assert.IsType<List<object?>>(values["tags"]));
        var track = Assert.IsType<Dictionary<string, object?>>(values["track"]);
        Assert.Equal(["name", "levels"], track.Keys);
        Assert.Equal(new object?[] { "1", "2" }, Assert.IsType<List<object?>>(track["levels"]));
        Assert.Equal(("Analyst", "About", "job_family", "/canonical/", 5), (family.FrontMatter.Title, family.FrontMatter.Description, family.FrontMatter.Layout, family.FrontMatter.CanonicalPath, family.FrontMatter.BodyStartLine));
        Assert.Equal(["x.js"], family.FrontMatter.ExtraJs);
        Assert.Equal(new SourceLocation(family.SourcePath, 5, 3), family.FrontMatter.LocationOf(family.SourcePath, "track"));
        Assert.Equal(new SourceLocation(family.SourcePath, 1, 1), family.FrontMatter.LocationOf(family.SourcePath, "nothing"));

        // … and what its grade resolution looked up, each id as written (CurrentPages compares them with a version's table)
        Assert.Equal("general", family.GradeLookups!.TrackId);
        Assert.Equal(["9.50", "7"], family.GradeLookups.Ids.Select(id => id.Text));
    }

    [Fact]
    public void Given_a_family_that_was_not_graded_When_written_and_read_Then_it_has_no_grade_lookups()
    {
        // Given a state whose family has no record of grade lookups
        var state = SampleState();
        state.Family.GradeLookups = null;

        // When
        Assert.True(FamilyStateCodec.TryRead(FamilyStateCodec.Write(state), out var restored));

        // Then none are made up (a restored family without them is never taken for a version of another grade table)
        Assert.Null(restored.Family.GradeLookups);
    }

    [Fact]
    public void Given_a_state_When_encoded_in_pieces_Then_they_join_to_the_written_bytes_and_read_back()
    {
        // Given a state with a body larger than any buffer a pool hands out small
        var state = SampleState() with { BodyUtf8 = Encoding.UTF8.GetBytes(new string('b', 300_000)) };

        // When it is encoded in pieces (header and lengths, JSON part, body)
        using var encoded = FamilyStateCodec.Encode(state);
        var joined = encoded.Segments.SelectMany(s => s.ToArray()).ToArray();

        // Then the pieces are the bytes Write gives, in order, the body is the state's own array (not a copy),
        // and the joined bytes read back as the state
        Assert.Equal(3, encoded.Segments.Count);
        Assert.Equal(FamilyStateCodec.Write(state), joined);
        Assert.Equal(joined.Length, encoded.Length);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(encoded.Segments[2], out var body));
        Assert.Same(state.BodyUtf8, body.Array);
        Assert.True(FamilyStateCodec.TryRead(joined, out var restored));
        Assert.Equal(state.BodyUtf8, restored.BodyUtf8);
        Assert.Equal(FamilyStateCodec.Write(state), FamilyStateCodec.Write(restored));
    }

    [Fact]
    public void Given_a_state_with_a_large_body_When_encoded_Then_no_array_of_the_entrys_size_is_allocated()
    {
        // Given a 1 MB body (issue 9: each stored family allocated ≈ 4 × its entry through a growing and a joined array)
        var state = SampleState() with { BodyUtf8 = new byte[1_000_000] };
        FamilyStateCodec.Encode(state).Dispose(); // the pool's first buffer and the serializer's metadata

        // When
        var before = GC.GetAllocatedBytesForCurrentThread();
        using (FamilyStateCodec.Encode(state))
        {
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then encoding allocates the stored model and small pieces, far less than the body
        Assert.True(allocated < 100_000, $"encoding allocated {allocated} bytes");
    }

    [Fact]
    public void Given_a_family_that_still_has_its_tree_When_written_Then_it_is_refused()
    {
        var state = SampleState() with { Family = Family(facts: null) };

        Assert.Throws<ArgumentException>(() => FamilyStateCodec.Write(state));
    }

    [Fact]
    public void Given_a_family_whose_identity_is_not_its_paths_When_written_Then_it_is_refused()
    {
        // Given: the identity is stored once (the path info) and rebuilt from it, so a different URL would be lost
        var state = SampleState();
        state = state with { Path = state.Path with { Url = "/job-families/sales/other/" } };

        // When / Then
        Assert.Throws<ArgumentException>(() => FamilyStateCodec.Write(state));
    }

    [Fact]
    public void Given_a_stored_entry_When_truncated_extended_or_damaged_Then_it_reads_as_false()
    {
        // Given
        var state = SampleState();
        var bytes = FamilyStateCodec.Write(state);
        var stored = StoredFamilyMapping.ToStored(state);

        // When / Then: every shortening (header, lengths, model, body) and a longer entry
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(FamilyStateCodec.TryRead(bytes.AsSpan(0, length), out _), $"read {length} of {bytes.Length} bytes");
        }

        Assert.False(FamilyStateCodec.TryRead([.. bytes, (byte)'x'], out _));

        // … another format version (format 3 was JSON)
        Assert.False(FamilyStateCodec.TryRead(Replace(bytes, "handbook-family-state/4", "handbook-family-state/3"), out _));

        // … a null where the shape has none, an index to no role, no path or no origin, a kind no enum names
        Assert.False(FamilyStateCodec.TryRead(WithModel(bytes, stored with { Title = null! }), out _));
        Assert.False(FamilyStateCodec.TryRead(WithModel(bytes, stored with { PageRole = 9 }), out _));
        Assert.False(FamilyStateCodec.TryRead(WithModel(bytes, stored with { Items = [.. stored.Items.Select(i => i with { Location = i.Location with { Path = 7 } })] }), out _));
        Assert.False(FamilyStateCodec.TryRead(WithModel(bytes, stored with { Items = [.. stored.Items.Select(i => i with { InheritedFrom = 5 })] }), out _));
        Assert.False(FamilyStateCodec.TryRead(WithModel(bytes, stored with { Sections = [.. stored.Sections.Select(x => x with { Kind = (SectionKind)99 })] }), out _));

        // … and the untouched model part, spliced the same way, still reads (the cases above fail for their damage alone)
        Assert.True(FamilyStateCodec.TryRead(WithModel(bytes, stored), out _));
    }

    [Fact]
    public void Given_a_stored_entry_When_any_byte_of_it_is_changed_Then_reading_it_never_throws()
    {
        // Given
        var bytes = FamilyStateCodec.Write(SampleState());

        // When every byte in turn is set to a few values (a damaged cache file), Then each reads as true or false
        for (var i = 0; i < bytes.Length; i++)
        {
            foreach (var value in new byte[] { 0x00, 0x01, 0x7F, 0x80, 0xFF })
            {
                var damaged = bytes.ToArray();
                damaged[i] = value;
                var exception = Record.Exception(() => FamilyStateCodec.TryRead(damaged, out _));
                Assert.True(exception is null, $"byte {i} set to {value}: {exception}");
            }
        }
    }

    [Fact]
    public void Given_a_family_whose_locations_share_a_file_and_whose_items_share_an_origin_When_written_Then_each_is_stored_once()
    {
        // Given: eight locations in the page's file, one in a partial, and a bullet copied from another page
        var state = SampleState();

        // When
        var stored = StoredFamilyMapping.ToStored(state);
        var bytes = Encoding.Latin1.GetString(FamilyStateCodec.Write(state));

        // Then the page's path is written three times (its identity, its source map's own path, and the table locations
        // refer to), not once per location; the origin once, in the table items refer to
        Assert.Equal(3, Occurrences(bytes, "job-families/sales/analyst.html.md.erb"));
        Assert.Equal(["job-families/sales/analyst.html.md.erb"], stored.Paths);
        Assert.Equal(new InheritedFrom("/job-families/sales/base/#junior", "Junior", SectionKind.Responsibilities), Assert.Single(stored.Inherited));
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static byte[] Replace(byte[] bytes, string from, string to)
    {
        Assert.Equal(from.Length, to.Length);
        var text = Encoding.Latin1.GetString(bytes);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.Latin1.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }

    // The entry written as bytes, with its model part replaced by model's (header and body kept, lengths written anew).
    private static byte[] WithModel(byte[] written, StoredFamily model)
    {
        var headerLength = "handbook-family-state/4\n".Length;
        var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(written.AsSpan(headerLength + sizeof(int)));
        var part = new ArrayBufferWriter<byte>();
        StoredFamilyBinary.Write(model, part);
        var lengths = new byte[2 * sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(lengths, part.WrittenCount);
        BinaryPrimitives.WriteInt32LittleEndian(lengths.AsSpan(sizeof(int)), bodyLength);
        return [.. written.AsSpan(0, headerLength), .. lengths, .. part.WrittenSpan, .. written.AsSpan(written.Length - bodyLength)];
    }

    private static FamilyState SampleState()
    {
        var path = new FamilyPathInfo("job-families/sales/analyst.html.md.erb", "sales/analyst", "sales", "/job-families/sales/analyst/", false, false, true);
        var facts = new BodyFacts(
            true,
            [new FoundLink("https://example.com/", LinkOrigin.Markdown, 3, 4), new FoundLink("img.png", LinkOrigin.Image, 5, 0)],
            [new LabeledLink("Senior", "/job-families/sales/senior/")]);
        var diagnostics = new List<Diagnostic>
        {
            Diagnostic.Warning("GRADE101", "unknown grade", new SourceLocation(path.SourcePath, 4, 2), "did you mean 9?"),
            new Diagnostic(Severity.Error, "APP001", "internal", SourceLocation.File(path.SourcePath)) { Detail = "trace" },
        };
        return new FamilyState(path, Family(facts), ["sales", "sales/sub"], "<p>é ✓</p>"u8.ToArray(), diagnostics);
    }

    private static JobFamily Family(BodyFacts? facts)
    {
        const string Source = "job-families/sales/analyst.html.md.erb";
        var map = new SourceMap(Source);
        map.Add(10, 4, "job-families/sales/_partial.md", 2);
        var frontMatter = new FrontMatter
        {
            Title = "Analyst",
            Description = "About",
            Layout = "job_family",
            CanonicalPath = "/canonical/",
            ExtraJs = ["x.js"],
            BodyStartLine = 5,
            Values = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["title"] = "Analyst",
                ["nothing"] = null,
                ["tags"] = new List<object?> { "a", null, "b" },
                ["track"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = "general", ["levels"] = new List<object?> { "1", "2" } },
            },
            Positions = new Dictionary<string, FrontMatterPosition>(StringComparer.Ordinal) { ["title"] = new(2, 8), ["track"] = new(5, 3) },
        };
        var family = new JobFamily
        {
            SourcePath = Source,
            Slug = "sales/analyst",
            Department = "sales",
            Url = "/job-families/sales/analyst/",
            IsDepartmentIndex = false,
            Title = "Analyst",
            Description = "About",
            FrontMatter = frontMatter,
            Body = new MarkdownDocument(),
            SourceMap = map,
            BodyFacts = facts,
            GradeLookups = new GradeLookups("general", [GradeId.Parse("9.50"), GradeId.Parse("7")]),
        };
        var location = new SourceLocation(Source, 7, 1);
        var responsibilities = new Section { Kind = SectionKind.Responsibilities, Title = "Responsibilities", Anchor = "responsibilities", HeadingLevel = 4, Location = location, StartLine = 7, EndLine = 9 };
        responsibilities.Items.Add(new Item { Text = "Counts things", Location = new SourceLocation(Source, 8, 3) });
        responsibilities.Items.Add(new Item { Text = "Inherited", Location = location, InheritedFrom = new InheritedFrom("/job-families/sales/base/#junior", "Junior", SectionKind.Responsibilities) });
        var levels = new Section { Kind = SectionKind.Levels, Title = "Levels", Anchor = "levels", HeadingLevel = 2, Location = location, StartLine = 6, EndLine = 9 };
        levels.Children.Add(responsibilities);
        var ladder = new Section { Kind = SectionKind.CareerLadder, Title = "Career Ladder", Anchor = "career-ladder", HeadingLevel = 2, Location = location, StartLine = 10, EndLine = 12 };
        var level = new Role
        {
            Kind = RoleKind.Level,
            Name = "Senior Analyst",
            Anchor = "senior-analyst",
            Location = location,
            StartLine = 6,
            EndLine = 9,
            Responsibilities = responsibilities,
            Grade = new GradeAssignment("9", location) { Title = "Senior", Track = "general", Url = "/grades/#9" },
        };
        level.Sections.Add(responsibilities);
        level.Extends.Add(new ExtendsLink("/job-families/sales/base/#junior", "Junior", [SectionKind.Responsibilities, SectionKind.Requirements], location) { IsAlternative = true });
        family.Levels.Add(level);
        family.PageRole = new Role { Kind = RoleKind.Page, Name = "Analyst", Anchor = string.Empty, Location = location, StartLine = 1, EndLine = 12 };
        family.CareerLadder = ladder;
        family.Sections.Add(levels);
        family.Sections.Add(ladder);
        return family;
    }
}
