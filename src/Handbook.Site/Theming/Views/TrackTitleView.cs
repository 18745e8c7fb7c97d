namespace Handbook.Site.Theming.Views;

/// <summary>A grade's title in one non-general track: <c>track</c> (the track's name) and <c>title</c>.</summary>
public sealed record TrackTitleView(string Track, string Title);
