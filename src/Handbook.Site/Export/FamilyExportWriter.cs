namespace Handbook.Site.Export;

using System.Text.Json;
using Handbook.JobFamilies.Model;
using Handbook.Site.Export.Schema;
using Handbook.Site.Versions;

/// <summary>
/// Writes one family's object of <c>api/job-families.json</c> straight from the model with a
/// <see cref="Utf8JsonWriter"/>: the tokens the serializer writes for <see cref="FamilyExport"/> with
/// <see cref="ExportJson.Options"/>, in the same order, so with the same writer the bytes are the same (the names are
/// the snake-case ones the naming policy gives, <c>null</c> written where the schema writes it, <c>inherited_from</c>
/// and <c>versions</c> left out when null, section kinds as their snake-case names).
/// </summary>
/// <remarks>
/// Why (issue 9): the serializer needed the whole export graph of each family first (a record per role, item, link and
/// grade, and a list per section: at synthetic N = 1000 the largest single source of allocations in the cold build's
/// batches) and then walked it through its generic converters; together ≈ 5 % of the build's CPU samples. The schema
/// records stay the description of the format, and what <see cref="JobFamiliesExport.Build"/> serialises: tests
/// compare both on the sample site, invented families and the real corpus.
/// </remarks>
internal static class FamilyExportWriter
{
    /// <summary>Writes <paramref name="family"/>'s object (with <paramref name="versions"/> when given) at the writer's current place.</summary>
    public static void Write(Utf8JsonWriter writer, JobFamily family, PublishedVersions? versions)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(family);
        writer.WriteStartObject();
        writer.WriteString(Names.Title, family.Title);
        writer.WriteString(Names.Description, family.Description);
        writer.WriteString(Names.Department, family.Department);
        writer.WriteString(Names.Url, family.Url);
        writer.WriteString(Names.Source, family.SourcePath);

        // A single-role page exports its role as its only level (as JobFamiliesExport's FamilyOf).
        writer.WriteStartArray(Names.Levels);
        if (family.Levels.Count == 0 && family.PageRole is { } pageRole)
        {
            WriteRole(writer, pageRole);
        }
        else
        {
            foreach (var level in family.Levels)
            {
                WriteRole(writer, level);
            }
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Names.Specialties);
        foreach (var specialty in family.Specialties)
        {
            WriteRole(writer, specialty);
        }

        writer.WriteEndArray();
        if (SharedLists.Of(family) is { } shared)
        {
            writer.WriteStartObject(Names.Shared);
            WriteItems(writer, Names.Responsibilities, shared.Responsibilities);
            WriteItems(writer, Names.Requirements, shared.Requirements);
            WriteItems(writer, Names.NiceToHaves, shared.NiceToHaves);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull(Names.Shared);
        }

        writer.WriteStartObject(Names.CareerLadder);
        writer.WriteStartArray(Names.Links);
        foreach (var link in family.BodyFacts?.CareerLadderLinks ?? Handbook.JobFamilies.Links.CareerLadderLinkFinder.Find(family.CareerLadder))
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Text, link.Text);
            writer.WriteString(Names.Url, link.Url);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        if (versions is not null)
        {
            writer.WriteStartArray(Names.Versions);
            foreach (var version in versions.Versions)
            {
                writer.WriteStartObject();
                writer.WriteString(Names.Id, version.Id);
                writer.WriteString(Names.Date, VersionDates.Iso(version.Date));
                writer.WriteString(Names.Commit, version.CommitSha);
                writer.WriteString(Names.Subject, version.Subject);
                writer.WriteString(Names.Url, version.Url);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteRole(Utf8JsonWriter writer, Role role)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Name, role.Name);
        writer.WriteString(Names.Anchor, role.Anchor);
        if (role.Grade is { } grade)
        {
            writer.WriteStartObject(Names.Grade);
            writer.WriteString(Names.Value, grade.Value);
            writer.WriteString(Names.Title, grade.Title);
            writer.WriteString(Names.Track, grade.Track);
            writer.WriteString(Names.Url, grade.Url);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull(Names.Grade);
        }

        WriteItems(writer, Names.Overview, role.Overview);
        WriteItems(writer, Names.Responsibilities, role.Responsibilities);
        WriteItems(writer, Names.Requirements, role.Requirements);
        WriteItems(writer, Names.NiceToHaves, role.NiceToHaves);
        writer.WriteStartArray(Names.Extends);
        foreach (var extends in role.Extends)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Url, extends.Url);
            writer.WriteString(Names.Role, extends.Role);
            writer.WriteStartArray(Names.Sections);
            foreach (var kind in extends.Sections)
            {
                WriteKindValue(writer, kind);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteItems(Utf8JsonWriter writer, JsonEncodedText name, Section? section)
    {
        writer.WriteStartArray(name);
        if (section is not null)
        {
            foreach (var item in section.Items)
            {
                writer.WriteStartObject();
                writer.WriteString(Names.Text, item.Text);
                if (item.InheritedFrom is { } from)
                {
                    writer.WriteStartObject(Names.InheritedFrom);
                    writer.WriteString(Names.Url, from.Url);
                    writer.WriteString(Names.Level, from.Level);
                    writer.WritePropertyName(Names.Section);
                    WriteKindValue(writer, from.Section);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
    }

    // As JsonStringEnumConverter<SectionKind>(SnakeCaseLower) writes a kind: its snake-case name, or its number when
    // it is no named member (integer values are allowed by default).
    private static void WriteKindValue(Utf8JsonWriter writer, SectionKind kind)
    {
        if (Enum.IsDefined(kind))
        {
            writer.WriteStringValue(SectionKindListJsonConverter.NameOf(kind));
        }
        else
        {
            writer.WriteNumberValue((int)kind);
        }
    }

    // The property names, as the naming policy spells them, encoded once.
    private static class Names
    {
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
        public static readonly JsonEncodedText Department = JsonEncodedText.Encode("department");
        public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText Levels = JsonEncodedText.Encode("levels");
        public static readonly JsonEncodedText Specialties = JsonEncodedText.Encode("specialties");
        public static readonly JsonEncodedText Shared = JsonEncodedText.Encode("shared");
        public static readonly JsonEncodedText CareerLadder = JsonEncodedText.Encode("career_ladder");
        public static readonly JsonEncodedText Links = JsonEncodedText.Encode("links");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Versions = JsonEncodedText.Encode("versions");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Date = JsonEncodedText.Encode("date");
        public static readonly JsonEncodedText Commit = JsonEncodedText.Encode("commit");
        public static readonly JsonEncodedText Subject = JsonEncodedText.Encode("subject");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText Anchor = JsonEncodedText.Encode("anchor");
        public static readonly JsonEncodedText Grade = JsonEncodedText.Encode("grade");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Track = JsonEncodedText.Encode("track");
        public static readonly JsonEncodedText Overview = JsonEncodedText.Encode("overview");
        public static readonly JsonEncodedText Responsibilities = JsonEncodedText.Encode("responsibilities");
        public static readonly JsonEncodedText Requirements = JsonEncodedText.Encode("requirements");
        public static readonly JsonEncodedText NiceToHaves = JsonEncodedText.Encode("nice_to_haves");
        public static readonly JsonEncodedText Extends = JsonEncodedText.Encode("extends");
        public static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
        public static readonly JsonEncodedText Sections = JsonEncodedText.Encode("sections");
        public static readonly JsonEncodedText InheritedFrom = JsonEncodedText.Encode("inherited_from");
        public static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
        public static readonly JsonEncodedText Section = JsonEncodedText.Encode("section");
    }
}
