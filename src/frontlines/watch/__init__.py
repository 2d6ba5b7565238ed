"""Watching feeds: poll on a schedule, ingest what is new, process it through the Runner (issue 18)."""

from frontlines.watch.watcher import FeedFailure, PollReport, Watcher, add_feeds, watch_feeds

__all__ = ["FeedFailure", "PollReport", "Watcher", "add_feeds", "watch_feeds"]
