namespace Handbook.Site.Stages;

using System.Text.Json.Serialization;
using Handbook.JobFamilies.Grades;
using Handbook.Site.Theming.Views;

/// <summary>
/// Source-generated System.Text.Json metadata of a generated page's view (<see cref="GeneratedPageMemo.View"/>), which
/// an incremental run compares as JSON. Its <c>Values</c> are typed <c>object</c>: every type <c>RenderTheme</c> puts
/// there is listed here, because a value's metadata is looked up by its run-time type.
/// </summary>
/// <remarks>
/// Source-generated, not reflection: the published tool is compiled ahead of time (Native AOT, issue 9), where
/// reflection-based serialization is off. A value of a type not listed fails every incremental run that compares it
/// (<c>NotSupportedException</c>), in the tests as in the tool – the JIT-compiled tests use this context alone too.
/// Metadata mode, as <c>VersionPageJsonContext</c>.
/// </remarks>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(GeneratedPageMemo.View))]
[JsonSerializable(typeof(DepartmentView))]
[JsonSerializable(typeof(List<DepartmentView>))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<GradeRowView>))]
[JsonSerializable(typeof(List<GradeIndexEntry>))]
[JsonSerializable(typeof(List<GradeIndexRole>))]
internal sealed partial class GeneratedViewJsonContext : JsonSerializerContext;
