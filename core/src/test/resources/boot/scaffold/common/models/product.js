module.exports = function(Product) {};
