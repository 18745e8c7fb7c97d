namespace Handbook.Site.Theming.Views;

/// <summary>
/// One grade on the grades page (<c>grade</c> in <c>grades.liquid</c>): <c>id</c> as written, <c>anchor</c>
/// (<c>grade-9-5</c>, the target of every grade link), general <c>title</c>, <c>track_titles</c> (titles in the other
/// tracks: <c>track</c>, <c>title</c>), <c>career_track</c>,
/// <c>equivalent</c>, <c>note</c>.
/// </summary>
public sealed record GradeRowView(string Id, string Anchor, string Title, IReadOnlyList<TrackTitleView> TrackTitles, string? CareerTrack, string? Equivalent, string? Note);
