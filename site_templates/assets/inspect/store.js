// Where inspections live: IndexedDB in this browser, through idb-keyval (assets/vendor/idb-keyval/).
// Nothing is sent anywhere. Three stores: inspection records (small, written on every change), the
// checklist each one was made from (written once) and photos (written once each, kept out of the record
// so a tick does not rewrite them).
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

  function call(fn) {
    open();
    if (unavailable) return Promise.reject({ name: "Unavailable" });
    return fn();
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
    saveRecord: function (record) { return call(function () { return kv.set(record.id, record, stores.records); }); },
    record: function (id) { return call(function () { return kv.get(id, stores.records); }); },
    records: function () { return call(function () { return kv.values(stores.records); }); },
    deleteRecord: function (record) {
      return call(function () {
        return kv.del(record.id, stores.records).then(function () {
          return kv.delMany(A.photoIds(record), stores.photos);
        });
      });
    },
    saveChecklist: function (key, data) { return call(function () { return kv.set(key, data, stores.checklists); }); },
    checklist: function (key) { return call(function () { return kv.get(key, stores.checklists); }); },
    savePhoto: function (id, dataUrl) { return call(function () { return kv.set(id, dataUrl, stores.photos); }); },
    photo: function (id) { return call(function () { return kv.get(id, stores.photos); }); },
    deletePhoto: function (id) { return call(function () { return kv.del(id, stores.photos); }); },
    // Everything an import writes, in one go per store, so a failure leaves the stored data as it was
    // as far as the browser allows (each store's write is one transaction).
    saveImported: function (entries) {
      return call(function () {
        return kv.setMany(entries.checklists, stores.checklists)
          .then(function () { return kv.setMany(entries.photos, stores.photos); })
          .then(function () { return kv.setMany(entries.records, stores.records); });
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
