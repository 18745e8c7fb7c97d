namespace Handbook.Site.Export.Schema;

using System.Text.Json.Serialization;

/// <summary>One bullet; <c>inherited_from</c> appears only on items copied in by an "extends" statement.</summary>
public sealed record ItemExport(
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InheritedFromExport? InheritedFrom);
