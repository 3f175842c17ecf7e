// The query page's YASGUI: set up so that it talks to this server only.
//
// Without this script (or without YASGUI) the page keeps its plain form and gallery links.
// The page's settings come from a JSON data block (#query-config), not an inline script, so the
// page runs under a Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval'.
(function () {
  "use strict";

  var configElement = document.getElementById("query-config");
  var host = document.getElementById("yasgui");
  var form = document.getElementById("query-form");
  if (!configElement || !host || !form || typeof window.Yasgui === "undefined") return;

  var config = JSON.parse(configElement.textContent);
  var Yasgui = window.Yasgui;
  var Yasqe = Yasgui.Yasqe;
  var endpoint = new URL(config.endpoint, window.location.href).href;

  // A new tab on our endpoint, its results as plain values ("Simple view": no datatypes or
  // angle brackets), shown whole (no ellipsis: "2022-0…"), its PREFIX lines folded.
  var tableConfig = { compact: true, isEllipsed: false };
  function tabConfig(name, query) {
    return {
      name: name,
      yasqe: { value: query, collapsePrefixesOnLoad: true },
      yasr: { settings: { selectedPlugin: "table", pluginsConfig: { table: tableConfig } } },
      requestConfig: { endpoint: endpoint },
    };
  }

  // YASGUI's own words, in Danish: its controls are drawn (and redrawn) in English, so every
  // text and label that appears in the editor is looked up here as it appears.
  var DANISH = {
    "Settings": "Indstillinger",
    "Request method": "Forespørgselsmetode",
    "Accept Headers": "Ønskede formater",
    "Ask / Select": "ASK / SELECT",
    "Construct / Describe": "CONSTRUCT / DESCRIBE",
    "Arguments": "Parametre",
    "Header Arguments": "HTTP-headere",
    "Default Graphs": "Standardgrafer",
    "Named Graphs": "Navngivne grafer",
    "Table": "Tabel",
    "Response": "Svar",
    "Simple view": "Enkel visning",
    "Ellipse": "Forkort",
    "Shorten": "Forkort",
    "Page size:": "Rækker pr. side:",
    "All": "Alle",
    "Show all": "Vis alle",
    "Close tab": "Luk fanen",
    "Close Tab": "Luk fanen",
    "Close other tabs": "Luk de andre faner",
    "Copy Tab": "Kopiér fanen",
    "Rename Tab": "Omdøb fanen",
    "New Tab": "Ny fane",
    "Add tab": "Ny fane",
    "Add a new tab": "Tilføj en ny fane",
    "Open settings": "Åbn indstillinger",
    "Close settings": "Luk indstillinger",
    "Clear endpoint": "Ryd endepunktet",
    "Search or add an endpoint": "Endepunkt",
    "Share query": "Del forespørgslen",
    "Run query": "Kør forespørgslen",
    "Shows Table view": "Vis som tabel",
    "Shows Response view": "Vis svaret som tekst",
    "Filter query results": "Filtrér resultaterne",
    "Download result": "Hent resultatet",
    "Download Results": "Hent resultaterne",
    "Download not supported": "Kan ikke hentes",
    "View documentation of Table": "Om tabellen",
    "View documentation of Response": "Om svarvisningen",
    "pagination": "sider",
    "First": "Første",
    "Previous": "Forrige",
    "Next": "Næste",
    "Last": "Sidste",
    "Loading...": "Henter …",
    "Aborted": "Afbrudt",
    "An error has occurred": "Der opstod en fejl",
    "Endpoint is down": "Endepunktet svarer ikke",
    "Incorrect endpoint URL": "Forkert adresse på endepunktet",
    "Unable to get response from endpoint. Possible reasons:": "Intet svar fra endepunktet. Mulige årsager:",
    "Try query in a new browser window": "Prøv forespørgslen i et nyt vindue",
    "Invalid JSON response": "Svaret er ikke gyldig JSON",
    "No data available in table": "Forespørgslen gav ingen rækker",
    "No matching records found": "Ingen rækker passer til filteret",
    "Search:": "Søg:",
    "Querying is disabled.": "Forespørgsler er slået fra.",
    "image/svg+xml": "",
  };
  var DANISH_PATTERNS = [
    [/^(\d+) results? in ([\d.]+) seconds?$/, function (m) {
      return m[1] + (m[1] === "1" ? " række" : " rækker") + " på " + m[2].replace(".", ",") + " sekunder";
    }],
    [/^(.+): Activate to sort$/, function (m) { return m[1] + ": klik for at sortere"; }],
    [/^(.+): Activate to invert sorting$/, function (m) { return m[1] + ": klik for at vende sorteringen"; }],
    [/^(.+): Activate to remove sorting$/, function (m) { return m[1] + ": klik for at fjerne sorteringen"; }],
  ];
  function danish(text) {
    var trimmed = text.trim();
    if (!trimmed) return null;
    if (Object.prototype.hasOwnProperty.call(DANISH, trimmed)) {
      return text.replace(trimmed, DANISH[trimmed]);
    }
    for (var i = 0; i < DANISH_PATTERNS.length; i++) {
      var found = DANISH_PATTERNS[i][0].exec(trimmed);
      if (found) return text.replace(trimmed, DANISH_PATTERNS[i][1](found));
    }
    return null;
  }
  function translate(root) {
    if (root.nodeType === Node.TEXT_NODE) {
      var translated = danish(root.data);
      if (translated !== null && translated !== root.data) root.data = translated;
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE || root.closest(".CodeMirror-code")) return;
    ["title", "aria-label", "placeholder"].forEach(function (name) {
      var value = root.getAttribute(name);
      var translated = value && danish(value);
      if (translated !== null && translated !== undefined && translated !== value) {
        root.setAttribute(name, translated);
      }
    });
    for (var child = root.firstChild; child; child = child.nextSibling) translate(child);
  }
  var onResults = null; // called when result rows appear (a page of the table, a new query)
  function keepDanish(element) {
    translate(element);
    new MutationObserver(function (changes) {
      var links = false;
      changes.forEach(function (change) {
        if (change.type === "attributes") translate(change.target);
        else if (change.type === "characterData") translate(change.target);
        else change.addedNodes.forEach(function (node) {
          translate(node);
          if (node.nodeType === Node.ELEMENT_NODE && (node.matches("a.iri") || node.querySelector("a.iri"))) links = true;
        });
      });
      if (links && onResults) onResults();
    }).observe(element, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ["title", "aria-label", "placeholder"],
    });
  }

  // Results: an IRI minted under the dataset's base links its page on this server, and shows
  // the thing's label (the IRI itself on hover); other IRIs keep their links.
  var labelCache = {};
  function localPath(iri) {
    return iri.indexOf(config.base) === 0 ? "/" + iri.slice(config.base.length) : null;
  }
  function labelQuery(iris) {
    return (
      "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" +
      "SELECT ?s (SAMPLE(?l) AS ?label) WHERE { VALUES ?s { " +
      iris.map(function (iri) { return "<" + iri + ">"; }).join(" ") +
      " } ?s rdfs:label ?l FILTER(LANG(?l) = \"da\" || LANG(?l) = \"\") } GROUP BY ?s"
    );
  }
  function showLabels(links) {
    links.forEach(function (link) {
      var label = labelCache[link.getAttribute("data-iri")];
      if (label) link.textContent = label;
    });
  }
  function localiseResults(yasr) {
    if (!yasr || !yasr.resultsEl) return;
    Array.prototype.forEach.call(yasr.resultsEl.querySelectorAll("td"), function (cell) {
      var text = cell.textContent.trim();
      if (text && text.length <= 40 && !/\s/.test(text) && !cell.querySelector("a.iri")) {
        cell.classList.add("whole");
      }
    });
    var links = Array.prototype.slice.call(yasr.resultsEl.querySelectorAll("a.iri"));
    var ours = links.filter(function (link) {
      var iri = link.getAttribute("data-iri") || link.getAttribute("href") || "";
      var path = localPath(iri);
      if (path === null) return false;
      link.setAttribute("data-iri", iri);
      link.setAttribute("href", path);
      link.setAttribute("title", iri);
      link.removeAttribute("target");
      return true;
    });
    var missing = [];
    ours.forEach(function (link) {
      var iri = link.getAttribute("data-iri");
      if (!(iri in labelCache) && missing.indexOf(iri) < 0) missing.push(iri);
    });
    showLabels(ours);
    if (!missing.length) return;
    missing.forEach(function (iri) { labelCache[iri] = null; });
    fetch(endpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/sparql-query",
        Accept: "application/sparql-results+json",
      },
      body: labelQuery(missing.slice(0, 500)),
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (!answer) return;
        answer.results.bindings.forEach(function (row) {
          if (row.label) labelCache[row.s.value] = row.label.value;
        });
        showLabels(ours);
      })
      .catch(function () {});
  }

  function prefixLines(prefixes) {
    return Object.keys(prefixes).map(function (prefix) {
      return prefix + ": <" + prefixes[prefix] + ">";
    });
  }

  // YASQE's own prefix list ships inside the bundle (no prefix.cc while prefixCcApi is null);
  // ours come first and win where a prefix is in both.
  function bundledPrefixes() {
    try {
      var stub = { config: { prefixCcApi: null } };
      return Promise.resolve(Yasqe.Autocompleters.prefixes.get(stub)).catch(function () {
        return [];
      });
    } catch (error) {
      return Promise.resolve([]);
    }
  }

  function configure(bundled) {
    var ours = prefixLines(config.prefixes);
    var others = bundled.filter(function (line) {
      return !Object.prototype.hasOwnProperty.call(config.prefixes, line.split(":")[0]);
    });
    // Completions from this page only: the ontology's classes and properties instead of the
    // Linked Open Vocabularies API, which the stock class and property completers call.
    Yasqe.forkAutocompleter(
      "prefixes",
      { name: "rg-prefixes", get: ours.concat(others), persistenceId: "referatgraf-prefixes" },
      false
    );
    Yasqe.forkAutocompleter(
      "class",
      {
        name: "rg-classes",
        get: config.classes,
        bulk: true,
        autoShow: true, // cheap: the list is on the page
        persistenceId: "referatgraf-classes",
      },
      false
    );
    Yasqe.forkAutocompleter(
      "property",
      {
        name: "rg-properties",
        get: config.properties,
        bulk: true,
        autoShow: true,
        persistenceId: "referatgraf-properties",
      },
      false
    );
    Yasqe.defaults.autocompleters = ["rg-prefixes", "rg-classes", "rg-properties", "variables"];
    Yasqe.defaults.prefixCcApi = null;
    Yasqe.defaults.editorHeight = "22rem";
    Yasqe.defaults.collapsePrefixesOnLoad = true; // the query itself shows, not 11 PREFIX lines

    // the results table's own words in Danish
    var table = Yasgui.Yasr.plugins.table;
    if (table && table.defaults && table.defaults.tableConfig) {
      table.defaults.tableConfig.language = Object.assign({}, table.defaults.tableConfig.language, {
        info: "Række _START_ til _END_ af _TOTAL_",
        infoEmpty: "Ingen rækker",
        infoFiltered: "(filtreret fra _MAX_)",
        emptyTable: "Forespørgslen gav ingen rækker",
        zeroRecords: "Ingen rækker passer til filteret",
      });
    }

    Yasgui.defaults.requestConfig.endpoint = endpoint;
    Yasgui.defaults.requestConfig.method = "POST";
    Yasgui.defaults.endpointCatalogueOptions.getData = function () {
      return [{ endpoint: endpoint }];
    };
  }

  function start() {
    // visible before YASGUI starts: CodeMirror cannot measure itself inside a hidden element
    form.hidden = true;
    host.hidden = false;
    var yasgui = new Yasgui(host, {
      requestConfig: { endpoint: endpoint, method: "POST" },
      copyEndpointOnNewTab: false,
      populateFromUrl: false,
      persistenceId: "referatgraf-forespoergsler",
      tabName: "Forespørgsel",
      autofocus: false,
      autoAddOnInit: false,
      yasqe: { value: config.defaultQuery },
    });
    // tabs kept from an earlier visit may name another origin (a server since moved): this page
    // queries its own endpoint only, and its endpoint field is hidden
    Object.keys(yasgui._tabs).forEach(function (id) {
      if (yasgui._tabs[id].getEndpoint() !== endpoint) yasgui._tabs[id].setEndpoint(endpoint);
    });
    if (Object.keys(yasgui._tabs).length === 0) {
      yasgui.addTab(true, tabConfig("Forespørgsel", config.defaultQuery));
    }

    function openExample(name) {
      var item = document.getElementById("eksempel-" + name);
      if (!item) return false;
      var text = item.querySelector(".example-query").textContent;
      var title = item.querySelector("h3").textContent;
      var tab = yasgui.addTab(true, tabConfig(title, text), { avoidDuplicateTabs: true });
      Array.prototype.forEach.call(document.querySelectorAll(".example.chosen"), function (el) {
        el.classList.remove("chosen");
      });
      item.classList.add("chosen");
      document.getElementById("editor").scrollIntoView({ behavior: "smooth", block: "start" });
      return tab;
    }

    Array.prototype.forEach.call(document.querySelectorAll("a.load-example"), function (link) {
      link.addEventListener("click", function (event) {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        if (openExample(link.getAttribute("data-example"))) event.preventDefault();
      });
    });
    if (config.example) openExample(config.example);
    // a page's "Se forespørgslen": its query in a tab of its own, ready to run
    if (config.query) yasgui.addTab(true, tabConfig("Fra siden", config.query));
    var pending = false;
    onResults = function () {
      if (pending) return;
      pending = true;
      setTimeout(function () {
        pending = false;
        var tab = yasgui.getTab();
        localiseResults(tab && tab.getYasr && tab.getYasr());
      }, 0);
    };
    keepDanish(host);
    window.referatgrafYasgui = yasgui; // for the browser test and the curious
  }

  bundledPrefixes().then(function (bundled) {
    configure(Array.isArray(bundled) ? bundled : []);
    start();
  });
})();
