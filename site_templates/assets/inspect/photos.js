// Photos from the phone's camera, scaled down on the device (a 12-megapixel photo is 4 MB; 1280 px JPEG
// is about 150 KB) and kept in this browser's storage with the inspection.
(function () {
  "use strict";
  var A = window.AQInspect = window.AQInspect || {};
  var LONGEST_SIDE = 1280;
  var QUALITY = 0.75;

  function readAsImage(file) {
    return new Promise(function (resolve, reject) {
      var url = URL.createObjectURL(file);
      var image = new Image();
      image.onload = function () { URL.revokeObjectURL(url); resolve(image); };
      image.onerror = function () { URL.revokeObjectURL(url); reject(new Error("not an image")); };
      image.src = url;
    });
  }

  function scaled(file) {
    if (!/^image\//.test(file.type)) {
      return Promise.reject(new Error("文件“" + file.name + "”不是图片，没有添加。"));
    }
    return readAsImage(file).then(function (image) {
      var scale = Math.min(1, LONGEST_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
      var canvas = document.createElement("canvas");
      canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
      canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
      canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
      return canvas.toDataURL("image/jpeg", QUALITY);
    }, function () {
      throw new Error("图片“" + file.name + "”无法读取（文件已损坏或格式不受支持），没有添加。");
    });
  }

  A.photos = { scaled: scaled };
})();
