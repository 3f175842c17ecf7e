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
  // angle brackets).
  function tabConfig(name, query) {
    return {
      name: name,
      yasqe: { value: query },
      yasr: { settings: { selectedPlugin: "table", pluginsConfig: { table: { compact: true } } } },
      requestConfig: { endpoint: endpoint },
    };
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
    window.referatgrafYasgui = yasgui; // for the browser test and the curious
  }

  bundledPrefixes().then(function (bundled) {
    configure(Array.isArray(bundled) ? bundled : []);
    start();
  });
})();
