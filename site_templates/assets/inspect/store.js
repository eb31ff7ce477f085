// Where inspections live: IndexedDB in this browser, through idb-keyval (assets/vendor/idb-keyval/).
// Nothing is sent anywhere. Four stores: inspection records (small, written on every change), the
// checklist each one was made from (written once), photos (written once each, kept out of the record
// so a tick does not rewrite them) and the definitions of checklists composed here (在线组表).
(function () {
  "use strict";
  var A = window.AQInspect = window.AQInspect || {};
  var kv = window.idbKeyval;
  var stores = null;
  var unavailable = "";

  function open() {
    if (stores || unavailable) return;
    try {
      if (!kv || !window.indexedDB) throw new Error("no IndexedDB");
      stores = {
        records: kv.createStore("aq-inspections", "records"),
        checklists: kv.createStore("aq-inspection-checklists", "checklists"),
        photos: kv.createStore("aq-inspection-photos", "photos"),
        composed: kv.createStore("aq-inspection-composed", "composed"),
      };
    } catch (e) {
      unavailable = "本浏览器不允许网页保存数据（可能处于隐私模式，或已关闭网站数据）。";
    }
  }

  // A storage failure as a sentence the user can act on; the caller offers the JSON download.
  function explain(error) {
    var name = error && error.name;
    if (name === "QuotaExceededError") return "本设备的浏览器存储已满，刚才的改动没有保存。";
    if (unavailable) return unavailable;
    return "浏览器没有保存刚才的改动（" + (name || "存储出错") + "）。";
  }

  // Storage blocked: keep this visit's work in memory (the page says so and offers the backup file).
  var memory = null;
  function inMemory() {
    memory = memory || { records: new Map(), checklists: new Map(), photos: new Map(), composed: new Map() };
    return memory;
  }
  var memoryKv = {
    set: function (k, v, m) { m.set(k, v); return Promise.resolve(); },
    get: function (k, m) { return Promise.resolve(m.get(k)); },
    del: function (k, m) { m.delete(k); return Promise.resolve(); },
    delMany: function (ks, m) { ks.forEach(function (k) { m.delete(k); }); return Promise.resolve(); },
    values: function (m) { return Promise.resolve(Array.from(m.values())); },
    setMany: function (es, m) { es.forEach(function (e) { m.set(e[0], e[1]); }); return Promise.resolve(); },
  };

  function call(fn) {
    open();
    if (unavailable) {
      var m = inMemory();
      return fn(memoryKv, m);
    }
    return fn(kv, stores);
  }

  A.store = {
    explain: explain,
    isAvailable: function () {
      open();
      if (unavailable) return Promise.resolve(false);
      // Opening can still fail later (Firefox private windows): try a read.
      return kv.keys(stores.records).then(function () { return true; }, function () {
        unavailable = "本浏览器不允许网页保存数据（可能处于隐私模式，或已关闭网站数据）。";
        return false;
      });
    },
    // Ask the browser not to clear our data when space runs low (where it supports it).
    persist: function () {
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    },
    inMemory: function () { return !!unavailable; },
    saveRecord: function (record) { return call(function (k, s) { return k.set(record.id, record, s.records); }); },
    record: function (id) { return call(function (k, s) { return k.get(id, s.records); }); },
    records: function () { return call(function (k, s) { return k.values(s.records); }); },
    deleteRecord: function (record) {
      return call(function (k, s) {
        return k.del(record.id, s.records).then(function () { return k.delMany(A.photoIds(record), s.photos); });
      });
    },
    saveChecklist: function (key, data) { return call(function (k, s) { return k.set(key, data, s.checklists); }); },
    checklist: function (key) { return call(function (k, s) { return k.get(key, s.checklists); }); },
    savePhoto: function (id, dataUrl) { return call(function (k, s) { return k.set(id, dataUrl, s.photos); }); },
    photo: function (id) { return call(function (k, s) { return k.get(id, s.photos); }); },
    deletePhoto: function (id) { return call(function (k, s) { return k.del(id, s.photos); }); },
    // 在线组表: the definitions of composed checklists
    saveComposed: function (def) { return call(function (k, s) { return k.set(def.id, def, s.composed); }); },
    composed: function (id) { return call(function (k, s) { return k.get(id, s.composed); }); },
    allComposed: function () { return call(function (k, s) { return k.values(s.composed); }); },
    deleteComposed: function (id) { return call(function (k, s) { return k.del(id, s.composed); }); },
    // Everything an import writes, in one go per store, so a failure leaves the stored data as it was
    // as far as the browser allows (each store's write is one transaction).
    saveImported: function (entries) {
      return call(function (k, s) {
        return k.setMany(entries.checklists, s.checklists)
          .then(function () { return k.setMany(entries.photos, s.photos); })
          .then(function () { return k.setMany(entries.records, s.records); });
      });
    },
  };

  A.photoIds = function (record) {
    var ids = [];
    Object.keys(record.answers || {}).forEach(function (n) {
      (record.answers[n].photos || []).forEach(function (id) { ids.push(id); });
    });
    return ids;
  };
})();
