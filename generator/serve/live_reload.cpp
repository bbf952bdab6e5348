#include "serve/live_reload.hpp"

#include <fmt/format.h>

#include <atomic>
#include <memory>
#include <string_view>

#include "core/text_util.hpp"
#include "serve/http.hpp"

namespace pb::inline serve {

namespace {

// A page that closes its stream (every click to another page does) is noticed only when a write to it
// fails, the second after it closed: so a stream says something every second, and its slot is free two
// seconds after its page went (with 15 s, 32 clicks in 15 s filled every slot).
constexpr auto heartbeat = std::chrono::seconds(1);

// Reloads the page when the build it was served from is no longer the latest. The token is written into
// the page, so a rebuild that lands before the event stream connects still reloads it.
std::string reload_script(const std::string& token) {
  return fmt::format(
      "<script>/* added by practicebook serve */(function(){{var built=\"{}\";"
      "function listen(){{var events=new EventSource(\"{}\");events.onmessage=function(e){{"
      "if(e.data!==built){{events.close();location.reload();}}}};"
      // Refused (too many open pages) or cut off, EventSource gives up: ask again a little later.
      "events.onerror=function(){{if(events.readyState===2)setTimeout(listen,5000);}};}}listen();}})();</script>\n",
      token, events_path);
}

// Plain inline style so it reads the same on every page: black on white, a thick red rule.
std::string error_banner(const std::vector<std::string>& errors) {
  std::string items;
  for (const auto& error : errors) items += "<li style=\"margin:0.25em 0\">" + html_escape(error) + "</li>";
  return fmt::format(
      "<div id=\"practicebook-build-errors\" role=\"alert\" style=\"position:relative;z-index:2147483647;"
      "margin:0;padding:1em 1.25em;background:#fff;color:#000;border:0.25em solid #b00020;"
      "font:1rem/1.5 monospace;white-space:pre-wrap;overflow-wrap:anywhere\">"
      "<p style=\"margin:0;font-weight:bold\">Build failed; showing the last good site.</p>"
      "<ul style=\"margin:0.5em 0 0;padding-left:1.5em\">{}</ul></div>\n",
      items);
}

std::size_t after_opening_tag(const std::string& html, std::string_view tag) {
  const std::size_t open = html.find(tag);
  if (open == std::string::npos) return std::string::npos;
  const std::size_t close = html.find('>', open);
  return close == std::string::npos ? std::string::npos : close + 1;
}

}  // namespace

LiveState::Snapshot LiveState::snapshot() const {
  std::lock_guard lock(mutex_);
  return {token(), errors_};
}

void LiveState::publish(std::vector<std::string> errors) {
  {
    std::lock_guard lock(mutex_);
    ++generation_;
    errors_ = std::move(errors);
  }
  changed_.notify_all();
}

void LiveState::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
}

std::optional<std::string> LiveState::wait_for_change(const std::string& seen, std::chrono::seconds timeout) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return stopping_ || token() != seen; });
  if (stopping_) return std::nullopt;
  return token();
}

std::string LiveState::token() const { return fmt::format("{}-{}", instance_, generation_); }

void add_event_stream(httplib::Server& server, const LiveState& state, int max_streams) {
  auto streams = std::make_shared<std::atomic<int>>(0);
  server.Get(events_path, [&state, streams, max_streams](const httplib::Request&, httplib::Response& res) {
    if (++*streams > max_streams) {
      --*streams;
      res.status = 503;
      res.set_content("Too many pages are open for live reload; close some and reload this one.\n", "text/plain");
      return;
    }
    res.set_chunked_content_provider(
        "text/event-stream", [&state, sent = std::string()](std::size_t, httplib::DataSink& sink) mutable {
          const std::optional<std::string> token = state.wait_for_change(sent, heartbeat);
          if (!token) {  // stopping
            sink.done();
            return true;
          }
          std::string message = sent.empty() ? "retry: 1000\n" : "";
          message += *token != sent ? fmt::format("data: {}\n\n", *token) : ":\n\n";
          sent = *token;
          return sink.write(message.data(), message.size());
        },
        [streams](bool) { --*streams; });
  });
}

std::string with_live_additions(std::string html, const LiveState::Snapshot& live) {
  const std::size_t body_end = html.rfind("</body>");
  html.insert(body_end == std::string::npos ? html.size() : body_end, reload_script(live.token));
  if (!live.errors.empty()) {
    const std::size_t body = after_opening_tag(html, "<body");
    html.insert(body == std::string::npos ? 0 : body, error_banner(live.errors));
  }
  return html;
}

}  // namespace pb::serve
